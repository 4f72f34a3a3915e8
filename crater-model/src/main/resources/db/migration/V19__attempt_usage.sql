-- What every attempt of a job used, written when the attempt ends (succeeded, failed, cancelled or
-- preempted) from its own start and end, one row per calendar day (UTC) it ran on. The key (job, attempt,
-- day) means an attempt is never counted twice. Reports sum these rows on read: with 100,000 attempts
-- stored, a user's month and an account's month read their index range only, and everyone's month the
-- day index (numbers in docs/operations.md, "Accounting").
CREATE TABLE crater_attempt_usage (
  job_id BIGINT NOT NULL,
  attempt INT NOT NULL,
  usage_day DATE NOT NULL,
  owner_id BIGINT NOT NULL,
  username VARCHAR(64) NOT NULL,
  account_id BIGINT NOT NULL,
  account VARCHAR(64) NOT NULL,
  gpu_model VARCHAR(64),
  slo VARCHAR(16) NOT NULL,
  ended_as VARCHAR(16) NOT NULL,
  gpus BIGINT NOT NULL,
  cpu_millis BIGINT NOT NULL,
  memory_mib BIGINT NOT NULL,
  started_at DATETIME(6) NOT NULL,
  ended_at DATETIME(6) NOT NULL,
  duration_ms BIGINT NOT NULL,
  PRIMARY KEY (job_id, attempt, usage_day),
  CONSTRAINT fk_crater_attempt_usage_job FOREIGN KEY (job_id) REFERENCES crater_job (id)
);
CREATE INDEX ix_crater_attempt_usage_day ON crater_attempt_usage (usage_day);
CREATE INDEX ix_crater_attempt_usage_owner_day ON crater_attempt_usage (owner_id, usage_day);
CREATE INDEX ix_crater_attempt_usage_account_day ON crater_attempt_usage (account, usage_day);

-- An account's optional monthly budget of GPU-hours: once its ended attempts this calendar month (UTC) used
-- that many, its guaranteed jobs wait (BudgetExhausted); best-effort jobs still run. NULL: no budget.
ALTER TABLE crater_account ADD COLUMN monthly_gpu_hours DECIMAL(12, 3);
