-- Sessions (refresh-token families) ended by a logout or by a reused refresh token. Every replica
-- reads the rows not yet expired into memory every second and refuses the access tokens of these
-- sessions; a row expires when the last access token the session could have had does.
CREATE TABLE crater_revoked_session (
  id VARCHAR(36) NOT NULL,
  family VARCHAR(36) NOT NULL,
  revoked_at DATETIME(6) NOT NULL,
  expires_at DATETIME(6) NOT NULL,
  PRIMARY KEY (id)
);
CREATE INDEX ix_crater_revoked_session_expires ON crater_revoked_session (expires_at);
