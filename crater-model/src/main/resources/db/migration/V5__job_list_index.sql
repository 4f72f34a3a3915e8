-- Administrators list every job newest first: without this index each page sorts the whole table.
CREATE INDEX ix_crater_job_submitted ON crater_job (submitted_at, id);
