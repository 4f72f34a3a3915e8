-- Notifications of job events to their owners: in the API, by e-mail and by webhook.

-- Where the leader starts looking for job events to notify: set by the first leader that runs this
-- version, so the events before the upgrade are never notified.
CREATE TABLE crater_notify_state (
  id INT NOT NULL,
  since DATETIME(6),
  PRIMARY KEY (id)
);
INSERT INTO crater_notify_state (id, since) VALUES (1, NULL);

-- Job events the leader has turned into notifications, written in the same transaction as the
-- notifications and deliveries they made: an event is handled once, whatever the order of ids.
-- Pruned once the event is older than the look-back window.
CREATE TABLE crater_notified_event (
  event_id BIGINT NOT NULL,
  event_at DATETIME(6) NOT NULL,
  PRIMARY KEY (event_id)
);
CREATE INDEX ix_crater_notified_event_at ON crater_notified_event (event_at);
CREATE INDEX ix_crater_job_event_at ON crater_job_event (at);

-- The in-API list: one row per event and owner.
CREATE TABLE crater_notification (
  id BIGINT NOT NULL AUTO_INCREMENT,
  user_id BIGINT NOT NULL,
  event_id BIGINT NOT NULL,
  job_id BIGINT NOT NULL,
  type VARCHAR(32) NOT NULL,
  title VARCHAR(256) NOT NULL,
  message VARCHAR(1024),
  created_at DATETIME(6) NOT NULL,
  read_at DATETIME(6),
  PRIMARY KEY (id),
  CONSTRAINT uq_crater_notification_event UNIQUE (event_id, user_id),
  CONSTRAINT fk_crater_notification_user FOREIGN KEY (user_id)
    REFERENCES crater_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_crater_notification_user ON crater_notification (user_id, read_at, id);

-- A user's choices per event type and channel; a missing row means the default.
CREATE TABLE crater_notify_pref (
  user_id BIGINT NOT NULL,
  event_type VARCHAR(32) NOT NULL,
  channel VARCHAR(16) NOT NULL,
  enabled BOOLEAN NOT NULL,
  PRIMARY KEY (user_id, event_type, channel),
  CONSTRAINT fk_crater_notify_pref_user FOREIGN KEY (user_id)
    REFERENCES crater_user (id) ON DELETE CASCADE
);

-- A user's webhooks: where to POST, and the secret the body is signed with (HMAC-SHA256).
CREATE TABLE crater_webhook (
  id BIGINT NOT NULL AUTO_INCREMENT,
  user_id BIGINT NOT NULL,
  url VARCHAR(2048) NOT NULL,
  secret VARCHAR(128) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_crater_webhook_user FOREIGN KEY (user_id)
    REFERENCES crater_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_crater_webhook_user ON crater_webhook (user_id);

-- E-mails and webhook calls to make: one per event, channel and target (target_key: 'email' or
-- 'webhook:<id>'), retried with backoff until sent or out of attempts (FAILED, shown to admins).
CREATE TABLE crater_delivery (
  id BIGINT NOT NULL AUTO_INCREMENT,
  event_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  channel VARCHAR(16) NOT NULL,
  target_key VARCHAR(64) NOT NULL,
  address VARCHAR(254),
  webhook_id BIGINT,
  type VARCHAR(32) NOT NULL,
  payload TEXT NOT NULL,
  status VARCHAR(16) NOT NULL,
  attempts INT NOT NULL,
  next_at DATETIME(6) NOT NULL,
  last_error VARCHAR(1024),
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_crater_delivery UNIQUE (event_id, channel, target_key),
  CONSTRAINT fk_crater_delivery_user FOREIGN KEY (user_id)
    REFERENCES crater_user (id) ON DELETE CASCADE,
  CONSTRAINT fk_crater_delivery_webhook FOREIGN KEY (webhook_id)
    REFERENCES crater_webhook (id) ON DELETE CASCADE
);
CREATE INDEX ix_crater_delivery_due ON crater_delivery (status, next_at);
