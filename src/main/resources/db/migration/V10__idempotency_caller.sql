-- An Idempotency-Key belongs to its caller (the token's subject and department): the same key sent by two callers
-- names two requests. Keys expire; the index serves the scheduled cleanup.
alter table idempotency_record add column caller text not null default '';
alter table idempotency_record alter column caller drop default;
alter table idempotency_record drop constraint idempotency_record_pkey;
alter table idempotency_record add constraint idempotency_record_pkey primary key (caller, scope, key);
create index idempotency_record_created_at on idempotency_record (created_at);
