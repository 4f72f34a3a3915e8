-- Cluster policies: the cluster default (account_id NULL, one row, made here) and an account's own
-- policy, which replaces the default for that account's jobs as a whole. Durations are in seconds; a
-- NULL limit is off.
CREATE TABLE crater_policy (
  id BIGINT NOT NULL AUTO_INCREMENT,
  account_id BIGINT,
  batch_max_run_seconds BIGINT,
  interactive_max_run_seconds BIGINT,
  run_warning_seconds BIGINT,
  idle_percent DOUBLE,
  idle_window_seconds BIGINT,
  idle_grace_seconds BIGINT,
  max_queue_seconds BIGINT,
  cancel_after_queue BOOLEAN NOT NULL,
  auto_approve_hours INT,
  updated_at DATETIME(6) NOT NULL,
  updated_by VARCHAR(128) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_crater_policy_account UNIQUE (account_id),
  CONSTRAINT fk_crater_policy_account FOREIGN KEY (account_id) REFERENCES crater_account (id)
    ON DELETE CASCADE
);
INSERT INTO crater_policy (account_id, cancel_after_queue, updated_at, updated_by)
  VALUES (NULL, FALSE, CURRENT_TIMESTAMP(6), 'crater');

-- What the policy checks have done to a job's current attempt, so that a warning is recorded once
-- per cause and a stop happens once, across restarts and leader changes.
CREATE TABLE crater_job_policy (
  job_id BIGINT NOT NULL,
  attempt INT NOT NULL,
  run_warned_deadline DATETIME(6),
  idle_warned_at DATETIME(6),
  queue_warned BOOLEAN NOT NULL,
  PRIMARY KEY (job_id),
  CONSTRAINT fk_crater_job_policy_job FOREIGN KEY (job_id) REFERENCES crater_job (id)
);

-- Owners' requests for more run time, and their decisions.
CREATE TABLE crater_job_extension (
  id BIGINT NOT NULL AUTO_INCREMENT,
  job_id BIGINT NOT NULL,
  hours INT NOT NULL,
  reason VARCHAR(1024) NOT NULL,
  state VARCHAR(16) NOT NULL,
  requested_by VARCHAR(128) NOT NULL,
  requested_at DATETIME(6) NOT NULL,
  decided_by VARCHAR(128),
  decided_at DATETIME(6),
  decision_message VARCHAR(1024),
  PRIMARY KEY (id),
  CONSTRAINT fk_crater_job_extension_job FOREIGN KEY (job_id) REFERENCES crater_job (id)
);
CREATE INDEX ix_crater_job_extension_job ON crater_job_extension (job_id);
CREATE INDEX ix_crater_job_extension_state ON crater_job_extension (state, requested_at);
