-- Who made each revision, why, and what kind of change it was (history.Revision); and an index to find a
-- resource's revisions by its id (the audit tables' keys start with the revision number).
alter table revinfo add column who text, add column reason text, add column action varchar(16);

create index round_aud_id_idx on round_aud (id);
create index department_aud_id_idx on department_aud (id);
create index commitment_aud_id_idx on commitment_aud (id);
create index target_aud_id_idx on target_aud (id);
create index milestone_aud_id_idx on milestone_aud (id);
create index progress_report_aud_id_idx on progress_report_aud (id);
