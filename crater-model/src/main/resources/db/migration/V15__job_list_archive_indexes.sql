-- Lists count and page the jobs that are not archived. With a million jobs stored, counting a user's
-- read every one of their rows for archived_at (0.7 s for 10,000), and counting everyone's read the
-- whole table (0.9 s): with archived_at in an index, a user's count reads the index alone (1 ms) and
-- everyone's reads a narrow index instead of the table (0.25 s).
CREATE INDEX ix_crater_job_owner_archived ON crater_job (owner_id, archived_at, submitted_at);
CREATE INDEX ix_crater_job_archived ON crater_job (archived_at, submitted_at);
