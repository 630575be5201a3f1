-- Notifications the hub handed to WeCom or DingTalk, by their deterministic id (event id / channel / app or robot /
-- recipient), written right after the platform took one: a notification the broker delivers again is not sent twice.
-- (12.1: leaves 12 to the branch that adds the inbound chat tables.)
create table notification_delivery (
    notification_id varchar(200) not null primary key,
    channel         varchar(20)  not null,
    external_id     varchar(100),
    sent_at         timestamp with time zone not null
);
create index ix_notification_delivery_sent on notification_delivery (sent_at);
