-- Jobs and their timeline. command, args, env and mounts are JSON text; resources are canonical numbers.

CREATE TABLE crater_job (
  id BIGINT NOT NULL,
  name VARCHAR(128) NOT NULL,
  owner_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  kind VARCHAR(16) NOT NULL,
  task_type VARCHAR(16) NOT NULL,
  slo VARCHAR(16) NOT NULL,
  image VARCHAR(512) NOT NULL,
  command TEXT NOT NULL,
  args TEXT NOT NULL,
  env TEXT NOT NULL,
  working_dir VARCHAR(1024),
  resources VARCHAR(1024) NOT NULL,
  gpu_model VARCHAR(64),
  replicas INT NOT NULL,
  mounts TEXT NOT NULL,
  estimated_seconds BIGINT,
  phase VARCHAR(16) NOT NULL,
  reason VARCHAR(64),
  reason_message VARCHAR(1024),
  attempt INT NOT NULL,
  preemptions INT NOT NULL,
  submitted_at DATETIME(6) NOT NULL,
  admitted_at DATETIME(6),
  started_at DATETIME(6),
  finished_at DATETIME(6),
  exit_code INT,
  nodes VARCHAR(1024),
  version BIGINT NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_crater_job_owner FOREIGN KEY (owner_id) REFERENCES crater_user (id),
  CONSTRAINT fk_crater_job_account FOREIGN KEY (account_id) REFERENCES crater_account (id)
);
-- The admission queue reads waiting jobs in submission order; lists read a user's jobs newest first.
CREATE INDEX ix_crater_job_phase ON crater_job (phase, submitted_at);
CREATE INDEX ix_crater_job_owner ON crater_job (owner_id, submitted_at);

CREATE TABLE crater_job_event (
  id BIGINT NOT NULL,
  job_id BIGINT NOT NULL,
  at DATETIME(6) NOT NULL,
  from_phase VARCHAR(16),
  to_phase VARCHAR(16) NOT NULL,
  reason VARCHAR(64) NOT NULL,
  message VARCHAR(1024),
  actor VARCHAR(128) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_crater_job_event_job FOREIGN KEY (job_id) REFERENCES crater_job (id) ON DELETE CASCADE
);
CREATE INDEX ix_crater_job_event_job ON crater_job_event (job_id, at);

INSERT INTO crater_id_gen (gen_name, gen_value) VALUES ('job', 1000);
INSERT INTO crater_id_gen (gen_name, gen_value) VALUES ('job_event', 1000);
