-- The read model behind the roll-ups (progress/ReadModel). Its rows are computed by QuarterCalculator, the one place
-- of the rules, for the default basis (verified_only false) and for verifiedOnly; quarters are counted from 0000-Q1
-- (year * 4 + quarter - 1). No foreign keys: a target deleted while a refresh computes its rows must not fail the
-- refresh. Rows carry the commitment of their target or milestone, by which a roll-up's scope is decided (its round and
-- department are read from the commitment when answering): a target or milestone that moves to another commitment is
-- noted stale like any other change to it.

-- A target's part in every roll-up, as runs of quarters [from_q, to_q) in which it stays the same; its runs cover every
-- quarter (the first from the smallest integer, the last to the largest).
create table progress_target_state (
    target_id       uuid        not null,
    commitment_id   uuid        not null,
    verified_only   boolean     not null,
    from_q          integer     not null,
    to_q            integer     not null,
    status          varchar(16) not null,
    weight          numeric     not null,
    weighted_ratio  numeric     not null,
    primary key (target_id, verified_only, from_q)
);
create index progress_target_state_commitment_idx on progress_target_state (commitment_id);

-- The quarters of a target's own series.
create table progress_target_span (
    target_id      uuid    primary key,
    commitment_id  uuid    not null,
    first_q        integer not null,
    last_q         integer not null
);
create index progress_target_span_commitment_idx on progress_target_span (commitment_id);

create table progress_milestone_state (
    milestone_id   uuid    not null,
    commitment_id  uuid    not null,
    verified_only  boolean not null,
    due_q          integer not null,
    done_on_time   boolean not null,
    primary key (milestone_id, verified_only)
);
create index progress_milestone_state_commitment_idx on progress_milestone_state (commitment_id);

-- The days [from_date, to_date) on which a milestone is overdue (to_date null: every day after), with its target's
-- reported level on those days when it has a planned value: the overdue listing at any asOf is one run per milestone.
create table progress_milestone_overdue (
    milestone_id   uuid    not null,
    verified_only  boolean not null,
    from_date      date    not null,
    to_date        date,
    actual         numeric,
    primary key (milestone_id, verified_only, from_date)
);

-- What a write may have changed and the read model has not settled yet: a target (its rows, and those of its
-- milestones) or a milestone. Written by the triggers below in the writing transaction, so that no write path can
-- forget it; read and emptied by ReadModel.refresh before an answer reads the rows. Not unique: an entry noted while a
-- refresh runs stays for the next one.
create table progress_stale (
    id            bigint generated always as identity primary key,
    target_id     uuid,
    milestone_id  uuid
);

create function note_report_stale() returns trigger language plpgsql as $$
begin
    if tg_op <> 'DELETE' then
        insert into progress_stale (target_id) values (new.target_id);
    end if;
    if tg_op = 'DELETE' or (tg_op = 'UPDATE' and old.target_id is distinct from new.target_id) then
        insert into progress_stale (target_id) values (old.target_id);
    end if;
    return null;
end
$$;

create function note_target_stale() returns trigger language plpgsql as $$
begin
    insert into progress_stale (target_id) values (case when tg_op = 'DELETE' then old.id else new.id end);
    return null;
end
$$;

-- A milestone is settled with its target (its plan is part of the target's rows), and on its own when it has none.
create function note_milestone_stale() returns trigger language plpgsql as $$
begin
    if tg_op <> 'DELETE' then
        insert into progress_stale (target_id, milestone_id) values (new.target_id, new.id);
    end if;
    if tg_op = 'DELETE' or (tg_op = 'UPDATE' and old.target_id is distinct from new.target_id) then
        insert into progress_stale (target_id, milestone_id) values (old.target_id, old.id);
    end if;
    return null;
end
$$;

-- A round's publication date is the start of its targets that have none; a commitment's round gives that date.
create function note_round_stale() returns trigger language plpgsql as $$
begin
    if old.published_on is distinct from new.published_on then
        insert into progress_stale (target_id)
        select t.id from target t join commitment c on c.id = t.commitment_id
        where c.round_id = new.id and t.start_date is null;
    end if;
    return null;
end
$$;

create function note_commitment_stale() returns trigger language plpgsql as $$
begin
    if old.round_id is distinct from new.round_id then
        insert into progress_stale (target_id) select t.id from target t where t.commitment_id = new.id;
    end if;
    return null;
end
$$;

create trigger progress_report_stale after insert or update or delete on progress_report
    for each row execute function note_report_stale();
create trigger target_stale after insert or update or delete on target
    for each row execute function note_target_stale();
create trigger milestone_stale after insert or update or delete on milestone
    for each row execute function note_milestone_stale();
create trigger round_stale after update on round
    for each row execute function note_round_stale();
create trigger commitment_stale after update on commitment
    for each row execute function note_commitment_stale();

-- Everything written before this migration is settled by the first answer after it.
insert into progress_stale (target_id) select id from target;
insert into progress_stale (target_id, milestone_id) select target_id, id from milestone;
