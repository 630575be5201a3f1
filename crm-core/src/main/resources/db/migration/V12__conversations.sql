-- Chats with customers from WeCom, WeChat customer service and DingTalk (issue 5).

-- Who a chat user id belongs to: a contact (and so its account), a lead, or only an account (a shared group chat
-- member an operator tied to a customer). One row per (channel, external id): the identity resolves to one record.
create sequence channel_identity_seq start with 1 increment by 50;
create table channel_identity (
    id          ${bigint} not null primary key,
    channel     varchar(20)  not null,
    external_id varchar(128) not null,
    account_id  ${bigint},
    contact_id  ${bigint},
    lead_id     ${bigint},
    linked_by   varchar(100) not null,
    version     ${bigint} not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);
create unique index ux_channel_identity on channel_identity (channel, external_id);
create index ix_channel_identity_contact on channel_identity (contact_id);
create index ix_channel_identity_lead on channel_identity (lead_id);

-- A chat thread; UNMATCHED until it belongs to an account (or a lead), then LINKED and its messages are on timelines.
create sequence conversation_seq start with 1 increment by 50;
create table conversation (
    id               ${bigint} not null primary key,
    channel          varchar(20)  not null,
    external_key     varchar(200) not null,
    title            varchar(200),
    app              varchar(64),
    status           varchar(10)  not null,
    first_sender_id  varchar(128) not null,
    first_sender     varchar(200),
    account_id       ${bigint},
    contact_id       ${bigint},
    lead_id          ${bigint},
    message_count    ${bigint} not null,
    first_message_at timestamp with time zone not null,
    last_message_at  timestamp with time zone not null,
    linked_by        varchar(100),
    linked_at        timestamp with time zone,
    version          ${bigint} not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);
create unique index ux_conversation_key on conversation (channel, external_key);
create index ix_conversation_status on conversation (status, last_message_at);

-- Every message received, matched or not: nothing inbound is dropped, and linking later replays them onto timelines.
create table chat_message (
    channel         varchar(20)  not null,
    message_id      varchar(128) not null,
    conversation_id ${bigint} not null,
    direction       varchar(10)  not null,
    sender_id       varchar(128) not null,
    sender_name     varchar(200),
    sender_kind     varchar(10)  not null,
    sent_at         timestamp with time zone not null,
    msg_type        varchar(32)  not null,
    body            ${text},
    received_at     timestamp with time zone not null,
    primary key (channel, message_id)
);
create index ix_chat_message_conversation on chat_message (conversation_id, sent_at);

-- Channel events already applied (WeCom repeats a callback it did not see answered in time).
create table channel_event (
    event_key   varchar(400) not null primary key,
    outcome     varchar(20)  not null,
    received_at timestamp with time zone not null
);

-- How far kf/sync_msg has been read, per WeCom app and customer-service account; moved with the page it follows.
create table chat_sync_cursor (
    app         varchar(64)  not null,
    open_kf_id  varchar(128) not null,
    next_cursor varchar(512) not null,
    updated_at  timestamp with time zone not null,
    primary key (app, open_kf_id)
);
