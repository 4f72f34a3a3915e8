-- The audit log: one row per state-changing request (and per login, refresh and logout attempt),
-- refused ones included. Rows are appended in batches by the replica that answered the request and
-- never updated (on MySQL/MariaDB a trigger refuses every UPDATE: migration 18.1, in crater-ejb's
-- org.crater.ejb.audit.AuditAppendOnly); the leader deletes rows older than crater.audit.retention.
-- Never a body, a password, a token or a secret: who, from where, which route, which object, the status.
CREATE TABLE crater_audit (
  id BIGINT NOT NULL AUTO_INCREMENT,
  created_at DATETIME(6) NOT NULL,
  user_id BIGINT,
  username VARCHAR(63),
  address VARCHAR(64),
  method VARCHAR(8) NOT NULL,
  route VARCHAR(255) NOT NULL,
  object_type VARCHAR(64),
  object_id VARCHAR(255),
  status INT NOT NULL,
  PRIMARY KEY (id)
);
CREATE INDEX ix_crater_audit_created ON crater_audit (created_at);
CREATE INDEX ix_crater_audit_user ON crater_audit (username, created_at);
CREATE INDEX ix_crater_audit_object ON crater_audit (object_type, object_id);
