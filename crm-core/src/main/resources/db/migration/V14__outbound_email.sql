-- Mail a user sends to a contact through the API (issue 6): stored with its fixed Message-ID in the transaction that
-- publishes OutboundEmailQueued, then sent by the mail-outbound flow. QUEUED → SENT, or FAILED (a transient failure,
-- retried) → SENT, or DEAD_LETTERED (refused for good, or out of attempts; an operator may replay it). The bodies are
-- large text columns (CLOB / text) written and read over JDBC, as the other ${text} columns: no single JPA mapping
-- validates against CLOB on H2 and Oracle and text on PostgreSQL.
create sequence outbound_email_seq start with 1 increment by 50;
create table outbound_email (
    id          ${bigint} not null primary key,
    contact_id  ${bigint} not null,
    account_id  ${bigint} not null,
    message_id  varchar(250)  not null,
    to_address  varchar(254)  not null,
    cc          varchar(2600),
    subject     varchar(300)  not null,
    text_body   ${text},
    html_body   ${text},
    template    varchar(100),
    status      varchar(20)   not null,
    attempts    integer       not null,
    last_error  varchar(1000),
    created_by  varchar(100)  not null,
    sent_at     timestamp with time zone,
    version     ${bigint} not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);
create unique index ux_outbound_email_message_id on outbound_email (message_id);
create index ix_outbound_email_contact on outbound_email (contact_id, created_at);
