-- Web forms (web-to-lead, issue 6).

-- Forms an admin defined through the API (forms in configuration, hub.forms, are not stored). The definition is one
-- JSON document: it is read and written whole, never queried by its parts. Plain JDBC, like the other text columns.
create table web_form (
    form_key   varchar(64)  not null primary key,
    settings   ${text}      not null,
    updated_by varchar(100) not null,
    version    ${bigint} not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);

-- Every submission that passed validation, stored before it is processed so that nothing is lost; the form key and
-- the submission id the page gave it make a repeated POST a no-op. QUARANTINED ones wait for an operator.
create table form_submission (
    id                varchar(36)  not null primary key,
    form_key          varchar(64)  not null,
    submission_id     varchar(64)  not null,
    status            varchar(20)  not null,
    quarantine_reason varchar(200),
    capture           ${text}      not null,
    remote_address    varchar(64),
    lead_id           ${bigint},
    contact_id        ${bigint},
    outcome           varchar(500),
    received_at       timestamp with time zone not null,
    decided_by        varchar(100),
    decided_at        timestamp with time zone
);
create unique index ux_form_submission on form_submission (form_key, submission_id);
create index ix_form_submission_status on form_submission (status, received_at);

-- Round-robin assignment: the next position per team, moved by one locking update per assignment.
create table team_rotation (
    team     varchar(100) not null primary key,
    position ${bigint} not null
);
