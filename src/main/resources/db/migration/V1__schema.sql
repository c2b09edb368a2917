-- Commitment Tracker schema. Flyway owns it; Hibernate only validates it.
-- Quantities are numeric (exact decimals), never floating point. Every row carries a version for optimistic locking.

create table round (
    id            uuid primary key,
    title         text        not null,
    year          integer     not null,
    issuer        text        not null,
    published_on  date        not null,
    version       bigint      not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);

create table department (
    id          uuid primary key,
    code        text        not null,
    name        text        not null,
    version     bigint      not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    constraint department_code_key unique (code)
);

create table commitment (
    id              uuid primary key,
    round_id        uuid        not null references round (id),
    department_id   uuid        not null references department (id),
    seq             integer     not null,
    title           text        not null,
    problem         text,
    goal            text,
    deadline_text   text,
    measures        jsonb       not null,
    responsibility  jsonb       not null,
    -- title, problem, goal, measures, deadline text and names in one string, for the q filter
    search_text     text        not null,
    version         bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint commitment_round_department_seq_key unique (round_id, department_id, seq)
);
create index commitment_department_idx on commitment (department_id);

create table target (
    id             uuid primary key,
    commitment_id  uuid        not null references commitment (id),
    name           text        not null,
    unit           text        not null,
    measure        varchar(16) not null check (measure in ('NUMBER', 'PERCENT', 'BOOLEAN')),
    direction      varchar(16) not null check (direction in ('INCREASE', 'DECREASE')),
    baseline       numeric,
    target_value   numeric     not null,
    start_date     date,
    due_date       date        not null,
    weight         numeric     not null check (weight > 0),
    note           text,
    version        bigint      not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    constraint target_dates_check check (start_date is null or due_date >= start_date)
);
create index target_commitment_idx on target (commitment_id);
create index target_due_date_idx on target (due_date);

create table milestone (
    id             uuid primary key,
    commitment_id  uuid        not null references commitment (id),
    target_id      uuid        references target (id),
    due_date       date        not null,
    description    text        not null,
    planned_value  numeric,
    completed_on   date,
    version        bigint      not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    constraint milestone_planned_value_needs_target check (planned_value is null or target_id is not null),
    constraint milestone_completed_only_qualitative check (planned_value is null or completed_on is null)
);
create index milestone_commitment_idx on milestone (commitment_id);
create index milestone_target_idx on milestone (target_id);
create index milestone_due_date_idx on milestone (due_date);

create table progress_report (
    id              uuid primary key,
    target_id       uuid        not null references target (id),
    as_of           date        not null,
    value           numeric     not null,
    note            text,
    evidence_urls   jsonb       not null,
    reported_by     text,
    status          varchar(16) not null check (status in ('SUBMITTED', 'VERIFIED', 'RETURNED')),
    recorded_at     timestamptz not null,
    review_comment  text,
    reviewed_at     timestamptz,
    version         bigint      not null,
    updated_at      timestamptz not null
);
create index progress_report_target_as_of_idx on progress_report (target_id, as_of);

-- One row per Idempotency-Key and operation: the first response, replayed for a repeat of the same request.
create table idempotency_record (
    scope         text        not null,
    key           text        not null,
    request_hash  text        not null,
    status        integer,
    location      text,
    body          text,
    created_at    timestamptz not null,
    primary key (scope, key)
);

-- Hibernate Envers: every change to the tables above is kept as a revision.
create sequence revinfo_seq start with 1 increment by 50;
create table revinfo (
    rev       integer primary key,
    revtstmp  bigint
);

create table round_aud (
    id            uuid     not null,
    rev           integer  not null references revinfo (rev),
    revtype       smallint,
    title         text,
    year          integer,
    issuer        text,
    published_on  date,
    created_at    timestamptz,
    updated_at    timestamptz,
    primary key (rev, id)
);

create table department_aud (
    id          uuid     not null,
    rev         integer  not null references revinfo (rev),
    revtype     smallint,
    code        text,
    name        text,
    created_at  timestamptz,
    updated_at  timestamptz,
    primary key (rev, id)
);

create table commitment_aud (
    id              uuid     not null,
    rev             integer  not null references revinfo (rev),
    revtype         smallint,
    round_id        uuid,
    department_id   uuid,
    seq             integer,
    title           text,
    problem         text,
    goal            text,
    deadline_text   text,
    measures        jsonb,
    responsibility  jsonb,
    search_text     text,
    created_at      timestamptz,
    updated_at      timestamptz,
    primary key (rev, id)
);

create table target_aud (
    id             uuid     not null,
    rev            integer  not null references revinfo (rev),
    revtype        smallint,
    commitment_id  uuid,
    name           text,
    unit           text,
    measure        varchar(16),
    direction      varchar(16),
    baseline       numeric,
    target_value   numeric,
    start_date     date,
    due_date       date,
    weight         numeric,
    note           text,
    created_at     timestamptz,
    updated_at     timestamptz,
    primary key (rev, id)
);

create table milestone_aud (
    id             uuid     not null,
    rev            integer  not null references revinfo (rev),
    revtype        smallint,
    commitment_id  uuid,
    target_id      uuid,
    due_date       date,
    description    text,
    planned_value  numeric,
    completed_on   date,
    created_at     timestamptz,
    updated_at     timestamptz,
    primary key (rev, id)
);

create table progress_report_aud (
    id              uuid     not null,
    rev             integer  not null references revinfo (rev),
    revtype         smallint,
    target_id       uuid,
    as_of           date,
    value           numeric,
    note            text,
    evidence_urls   jsonb,
    reported_by     text,
    status          varchar(16),
    recorded_at     timestamptz,
    review_comment  text,
    reviewed_at     timestamptz,
    updated_at      timestamptz,
    primary key (rev, id)
);
