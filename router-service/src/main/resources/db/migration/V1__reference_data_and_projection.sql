-- Reference data: a projection of the config topic, kept for people and SQL tools.
-- No foreign keys between items: config events may name an item before or after it exists.
create table mrd (
    id            integer primary key,
    name          text    not null,
    interruptible boolean not null
);

create table skill_group (
    id                integer primary key,
    name              text    not null,
    mrd_id            integer not null,
    peripheral_number integer not null,
    default_group     boolean not null
);

create table agent (
    id                integer primary key,
    name              text    not null,
    peripheral_number integer not null
);

create table agent_skill_group (
    agent_id       integer not null references agent (id) on delete cascade,
    skill_group_id integer not null,
    primary key (agent_id, skill_group_id)
);

create table application_path (
    id   integer primary key,
    name text    not null
);

create table application_path_mrd (
    application_path_id integer not null references application_path (id) on delete cascade,
    mrd_id              integer not null,
    primary key (application_path_id, mrd_id)
);

-- The live projection of the agent-event topic. Rows of one partition and its checkpoint are written
-- in one transaction, so a restart resumes exactly after the last event the state reflects.
create table agent_state (
    icm_agent_id   integer primary key,
    partition_id   integer not null,
    applied_offset bigint  not null,
    state          jsonb   not null
);
create index agent_state_partition on agent_state (partition_id);

create table partition_checkpoint (
    topic         text    not null,
    partition_id  integer not null,
    next_offset   bigint  not null,
    anomalies     bigint  not null,
    last_event_at timestamptz,
    primary key (topic, partition_id)
);

-- Events the agent's state did not allow: recorded, never applied.
create table anomaly (
    partition_id integer     not null,
    event_offset bigint      not null,
    event_id     uuid        not null,
    icm_agent_id integer     not null,
    mrd_id       integer     not null,
    message      text        not null,
    arm_status   text        not null,
    reason       text        not null,
    occurred_at  timestamptz not null,
    primary key (partition_id, event_offset)
);
