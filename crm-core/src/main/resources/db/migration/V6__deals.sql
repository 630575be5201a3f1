-- Deals (opportunities) on an account, moving through a pipeline's stages, with product lines.
create sequence deal_seq start with 1 increment by 50;

create table deal (
    id                  ${bigint} not null primary key,
    account_id          ${bigint} not null references account (id),
    contact_id          ${bigint} references contact (id),
    pipeline_id         ${bigint} not null references pipeline (id),
    stage_id            ${bigint} not null references pipeline_stage (id),
    name                varchar(200)  not null,
    currency            varchar(3)    not null,
    expected_close_date date,
    status              varchar(10)   not null,
    lost_reason         varchar(500),
    amount              numeric(19,2) not null,
    estimated_amount    numeric(19,2),
    stage_entered_at    timestamp with time zone not null,
    won_at              timestamp with time zone,
    lost_at             timestamp with time zone,
    owner_name          varchar(100),
    team                varchar(100),
    shared              ${bool} not null,
    version             ${bigint} not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null
);
create index ix_deal_account on deal (account_id);
create index ix_deal_contact on deal (contact_id);
create index ix_deal_pipeline_stage on deal (pipeline_id, stage_id);
create index ix_deal_status on deal (status);
create index ix_deal_owner on deal (owner_name);
create index ix_deal_team on deal (team);
create index ix_deal_updated on deal (updated_at);

create table deal_line (
    deal_id      ${bigint} not null references deal (id),
    line_no      integer       not null,
    sku          varchar(64)   not null,
    product_name varchar(200)  not null,
    quantity     numeric(19,3) not null,
    unit_price   numeric(19,2) not null,
    tax_rate     numeric(5,4)  not null,
    primary key (deal_id, line_no)
);
create index ix_deal_line_sku on deal_line (sku);
