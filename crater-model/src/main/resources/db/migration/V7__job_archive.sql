-- A finished job may be archived: lists leave it out, its record and timeline stay (accounting).
ALTER TABLE crater_job ADD COLUMN archived_at DATETIME(6);
