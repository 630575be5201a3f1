-- E-mail received in the hub's mailboxes (issue 6). Every mail read is stored, keyed by its Message-ID (normalised,
-- a SHA-256 when long), so a mail read again after a crash or found in two mailboxes is stored once. Its disposition
-- says what became of it: ARCHIVED on contacts' timelines, UNMATCHED in the conversations inbox, IGNORED (the hub's
-- own address, an auto-reply) with the reason. The direction column leaves room for mail the hub sends.
create table email_message (
    message_key        varchar(128)  not null primary key,
    message_id         varchar(998)  not null,
    direction          varchar(10)   not null,
    mailbox            varchar(64)   not null,
    from_address       varchar(320)  not null,
    from_name          varchar(200),
    to_addresses       ${text},
    cc_addresses       ${text},
    subject            varchar(1000),
    sent_at            timestamp with time zone not null,
    received_at        timestamp with time zone not null,
    text_body          ${text},
    html_body          ${text},
    disposition        varchar(10)   not null,
    disposition_reason varchar(300),
    contact_count      integer       not null
);
create index ix_email_message_from on email_message (from_address, sent_at);

-- Attachments in the order of the mail: name, type and size always; the contents only up to the mailbox's limit.
create table email_attachment (
    message_key  varchar(128)  not null,
    part_no      integer       not null,
    file_name    varchar(255),
    content_type varchar(255)  not null,
    size_bytes   ${bigint}     not null,
    content_kept ${bool}       not null,
    content      ${blob},
    primary key (message_key, part_no)
);

-- A mail nobody in the CRM has the address of waits in the conversations inbox as a summary message of an EMAIL
-- conversation (one per mailbox and sender); its subject becomes the timeline entry's title when it is linked.
alter table chat_message add subject varchar(200);
