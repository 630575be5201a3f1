create sequence account_seq start with 1 increment by 50;
create sequence contact_seq start with 1 increment by 50;

create table account (
    id              ${bigint} not null primary key,
    account_type    varchar(10)  not null,
    name            varchar(200) not null,
    normalized_name varchar(200) not null,
    credit_code     varchar(18),
    industry        varchar(100),
    province        varchar(50),
    city            varchar(50),
    account_level   varchar(2),
    owner_name      varchar(100),
    team            varchar(100),
    shared          ${bool} not null,
    version         ${bigint} not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);
create unique index ux_account_credit_code on account (credit_code);
create index ix_account_normalized_name on account (normalized_name);
create index ix_account_owner on account (owner_name);
create index ix_account_team on account (team);
create index ix_account_updated on account (updated_at);

create table account_tag (
    account_id ${bigint} not null references account (id),
    tag        varchar(50) not null,
    primary key (account_id, tag)
);
create index ix_account_tag_tag on account_tag (tag);

create table account_external_ref (
    account_id  ${bigint} not null references account (id),
    system_name varchar(50)  not null,
    external_id varchar(100) not null,
    primary key (account_id, system_name, external_id)
);
create unique index ux_account_external_ref on account_external_ref (system_name, external_id);

create table contact (
    id                    ${bigint} not null primary key,
    account_id            ${bigint} not null references account (id),
    name                  varchar(100) not null,
    title                 varchar(100),
    email                 varchar(254),
    mobile                varchar(20),
    wecom_external_userid varchar(64),
    dingtalk_userid       varchar(64),
    dingtalk_unionid      varchar(64),
    version               ${bigint} not null,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null
);
create index ix_contact_account on contact (account_id);
create index ix_contact_email on contact (email);
create index ix_contact_mobile on contact (mobile);
create index ix_contact_wecom on contact (wecom_external_userid);
create index ix_contact_dingtalk on contact (dingtalk_userid);
