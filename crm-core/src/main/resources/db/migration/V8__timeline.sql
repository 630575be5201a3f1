create sequence timeline_entry_seq start with 1 increment by 50;

-- Subjects are referenced by id without foreign keys: an entry may outlive a merged or deleted lead, and integrations
-- record entries for subjects of every kind through one table.
create table timeline_entry (
    id            ${bigint} not null primary key,
    kind          varchar(20)  not null,
    subject_type  varchar(10)  not null,
    subject_id    ${bigint} not null,
    account_id    ${bigint},
    contact_id    ${bigint},
    lead_id       ${bigint},
    deal_id       ${bigint},
    title         varchar(200) not null,
    body          varchar(4000),
    occurred_at   timestamp with time zone not null,
    due_at        timestamp with time zone,
    completed_at  timestamp with time zone,
    author        varchar(100) not null,
    source_system varchar(30)  not null,
    external_id   varchar(200),
    external_key  varchar(240),
    version       ${bigint} not null,
    created_at    timestamp with time zone not null
);
create index ix_timeline_account on timeline_entry (account_id, occurred_at);
create index ix_timeline_contact on timeline_entry (contact_id, occurred_at);
create index ix_timeline_lead on timeline_entry (lead_id, occurred_at);
create index ix_timeline_deal on timeline_entry (deal_id, occurred_at);
-- One column, so that entries without an external id never collide (Oracle compares NULLs in composite unique keys).
create unique index ux_timeline_external on timeline_entry (external_key);
