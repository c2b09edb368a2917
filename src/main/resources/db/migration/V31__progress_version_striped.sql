-- progress_version (V30) as 64 slots whose sum is the version. Every write moved the one row at commit, so concurrent
-- writers queued on its lock, each for its own WAL flush, and a burst of reports was served one commit at a time. A
-- write now moves the slot of its database session (one session runs one transaction at a time, so two writers meet
-- only when their sessions share a slot) and a reader sums the slots. Each committed writing transaction adds exactly
-- one, and PostgreSQL's snapshots are nested (a later one sees all an earlier one saw), so the sum still names the set
-- of writes a reader sees: equal sums, equal data.
create table progress_version_slot (
    slot     smallint primary key check (slot between 0 and 63),
    version  bigint   not null
);
insert into progress_version_slot (slot, version) select s, 0 from generate_series(0, 63) s;
update progress_version_slot set version = (select version from progress_version) where slot = 0;
drop table progress_version;
alter table progress_version_slot rename to progress_version;
alter index progress_version_slot_pkey rename to progress_version_pkey;

-- Once per transaction, however many rows it writes: an import or a commitment with its targets and milestones used to
-- move the version once per written row, leaving a dead row version each time. The transaction-local setting is
-- rolled back with a rolled-back savepoint, as the update is, and is gone at commit.
create or replace function bump_progress_version() returns trigger language plpgsql as $$
begin
    if current_setting('tracker.progress_version_moved', true) is distinct from 'yes' then
        update progress_version set version = version + 1 where slot = pg_backend_pid() % 64;
        perform set_config('tracker.progress_version_moved', 'yes', true);
    end if;
    return null;
end
$$;
