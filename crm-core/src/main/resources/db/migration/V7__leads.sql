create sequence lead_seq start with 1 increment by 50;

-- Conversion targets are plain ids, not foreign keys: the lead only records what it became.
create table lead (
    id                   ${bigint} not null primary key,
    name                 varchar(100)  not null,
    title                varchar(100),
    email                varchar(254),
    mobile               varchar(20),
    company_name         varchar(200),
    credit_code          varchar(18),
    industry             varchar(100),
    province             varchar(50),
    city                 varchar(50),
    source               varchar(20)   not null,
    source_ref           varchar(100),
    notes                varchar(2000),
    status               varchar(20)   not null,
    disqualify_reason    varchar(500),
    converted_account_id ${bigint},
    converted_contact_id ${bigint},
    converted_deal_id    ${bigint},
    converted_at         timestamp with time zone,
    assigned_at          timestamp with time zone,
    owner_name           varchar(100),
    team                 varchar(100),
    shared               ${bool} not null,
    version              ${bigint} not null,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null
);
create index ix_lead_status on lead (status);
create index ix_lead_owner on lead (owner_name);
create index ix_lead_team on lead (team);
create index ix_lead_updated on lead (updated_at);
create index ix_lead_email on lead (email);
create index ix_lead_mobile on lead (mobile);
create index ix_lead_source_ref on lead (source, source_ref);
