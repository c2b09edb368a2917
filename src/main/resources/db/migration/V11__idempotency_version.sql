-- The first response's ETag is replayed as it was sent: the version of what it created, which is not always a field of
-- its body (an import answers with a document and names the round's version).
alter table idempotency_record add column version bigint;
