-- The version of everything a progress answer reads. Every committed write to these tables moves it on, in the same
-- transaction, so that a service instance may keep an answer computed at version v while the version is still v:
-- every replica sees a write at once, because it reads the version from here before it answers.
create table progress_version (
    id       boolean primary key default true check (id),
    version  bigint  not null
);
insert into progress_version (id, version) values (true, 0);

-- Deferred to commit, so the single row is locked last and only for the commit itself: writers do not queue behind
-- one another's whole transaction, and no lock cycle can form around it.
create function bump_progress_version() returns trigger language plpgsql as $$
begin
    update progress_version set version = version + 1;
    return null;
end
$$;

create constraint trigger round_progress_version after insert or update or delete on round
    deferrable initially deferred for each row execute function bump_progress_version();
create constraint trigger department_progress_version after insert or update or delete on department
    deferrable initially deferred for each row execute function bump_progress_version();
create constraint trigger commitment_progress_version after insert or update or delete on commitment
    deferrable initially deferred for each row execute function bump_progress_version();
create constraint trigger target_progress_version after insert or update or delete on target
    deferrable initially deferred for each row execute function bump_progress_version();
create constraint trigger milestone_progress_version after insert or update or delete on milestone
    deferrable initially deferred for each row execute function bump_progress_version();
create constraint trigger progress_report_progress_version after insert or update or delete on progress_report
    deferrable initially deferred for each row execute function bump_progress_version();
