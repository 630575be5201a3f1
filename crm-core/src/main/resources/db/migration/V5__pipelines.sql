-- Sales pipelines and their ordered stages, with the default pipeline "Standard" seeded.
-- The sequences start above the seeded ids so that Hibernate's pooled ids never collide with them.
create sequence pipeline_seq start with 1001 increment by 50;
create sequence pipeline_stage_seq start with 1001 increment by 50;

create table pipeline (
    id         ${bigint} not null primary key,
    name       varchar(100) not null,
    is_default ${bool} not null,
    version    ${bigint} not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);
create unique index ux_pipeline_name on pipeline (name);

create table pipeline_stage (
    id               ${bigint} not null primary key,
    pipeline_id      ${bigint} not null references pipeline (id),
    name             varchar(100) not null,
    stage_position   integer      not null,
    probability      numeric(5,4) not null,
    closed           ${bool} not null,
    won              ${bool} not null,
    stale_after_days integer
);
create unique index ux_pipeline_stage_position on pipeline_stage (pipeline_id, stage_position);

insert into pipeline (id, name, is_default, version, created_at, updated_at)
values (1, 'Standard', ${true}, 0, timestamp '2024-01-01 00:00:00', timestamp '2024-01-01 00:00:00');

insert into pipeline_stage (id, pipeline_id, name, stage_position, probability, closed, won, stale_after_days)
values (1, 1, 'Qualification', 1, 0.1000, ${false}, ${false}, 14);
insert into pipeline_stage (id, pipeline_id, name, stage_position, probability, closed, won, stale_after_days)
values (2, 1, 'Needs analysis', 2, 0.2500, ${false}, ${false}, 21);
insert into pipeline_stage (id, pipeline_id, name, stage_position, probability, closed, won, stale_after_days)
values (3, 1, 'Proposal', 3, 0.5000, ${false}, ${false}, 21);
insert into pipeline_stage (id, pipeline_id, name, stage_position, probability, closed, won, stale_after_days)
values (4, 1, 'Negotiation', 4, 0.7500, ${false}, ${false}, 30);
insert into pipeline_stage (id, pipeline_id, name, stage_position, probability, closed, won, stale_after_days)
values (5, 1, 'Closed won', 5, 1.0000, ${true}, ${true}, null);
insert into pipeline_stage (id, pipeline_id, name, stage_position, probability, closed, won, stale_after_days)
values (6, 1, 'Closed lost', 6, 0.0000, ${true}, ${false}, null);
