-- The last lines of a finished job's log, kept when its objects leave the cluster after the retention
-- (crater.jobs.retention), so its log still answers. One row per job: the attempt it ended with, at most
-- crater.jobs.kept-log-bytes of UTF-8 text, and whether earlier lines were dropped.
CREATE TABLE crater_job_log (
  job_id BIGINT NOT NULL,
  attempt INT NOT NULL,
  kept_at DATETIME(6) NOT NULL,
  truncated BOOLEAN NOT NULL,
  body LONGBLOB NOT NULL,
  PRIMARY KEY (job_id),
  CONSTRAINT fk_crater_job_log_job FOREIGN KEY (job_id) REFERENCES crater_job (id)
);
