-- Every submission counts the owner's queued jobs against the per-user cap: an index lookup, not a
-- scan of everything the owner ever ran.
CREATE INDEX ix_crater_job_owner_phase ON crater_job (owner_id, phase);
