-- A rotated refresh token remembers when it was used and which token replaced it, so that a
-- second use within the grace period (parallel requests of one client) gets the same new pair.
ALTER TABLE crater_refresh_token ADD COLUMN used_at DATETIME(6);
ALTER TABLE crater_refresh_token ADD COLUMN replaced_by VARCHAR(36);
