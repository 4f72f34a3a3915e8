-- How long usage reports take when they are summed on read, with 100,000 attempts stored.
-- Run against a scratch database on the MariaDB of the tests:
--   mysql -h127.0.0.1 -uroot -e 'DROP DATABASE IF EXISTS usage_bench; CREATE DATABASE usage_bench'
--   mysql -h127.0.0.1 -uroot usage_bench < crater-bench/sql/usage-reports.sql
-- It prints each report's time (SHOW PROFILES) five times over. 200 users in 20 accounts, 4 GPU models,
-- attempts spread over 180 days: nine in ten run up to 4 hours, one in ten up to 3 days, so an attempt
-- spans about 1.2 days on average.

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
  PRIMARY KEY (job_id, attempt, usage_day)
);

CREATE TEMPORARY TABLE attempt AS
SELECT seq AS job_id,
       1 + (seq * 7919) % 200 AS owner_id,
       ELT(1 + seq % 4, 'A100', 'V100', 'T4', 'H100') AS gpu_model,
       ELT(1 + seq % 5, 1, 1, 2, 4, 8) AS gpus,
       TIMESTAMP '2026-06-01 00:00:00' + INTERVAL (seq * 155) SECOND AS started_at,
       TIMESTAMP '2026-06-01 00:00:00' + INTERVAL (seq * 155) SECOND
         + INTERVAL (60 + IF(seq % 10 = 0, (seq * 7777) % 259200, (seq * 7777) % 14400)) SECOND AS ended_at
FROM seq_1_to_100000;

INSERT INTO crater_attempt_usage
SELECT a.job_id, 1, DATE(a.started_at) + INTERVAL d.seq DAY, a.owner_id, CONCAT('user', a.owner_id),
       1 + a.owner_id % 20, CONCAT('lab', 1 + a.owner_id % 20), a.gpu_model, 'GUARANTEED', 'SUCCEEDED',
       a.gpus, a.gpus * 8000, a.gpus * 65536,
       GREATEST(a.started_at, DATE(a.started_at) + INTERVAL d.seq DAY),
       LEAST(a.ended_at, DATE(a.started_at) + INTERVAL (d.seq + 1) DAY),
       TIMESTAMPDIFF(MICROSECOND, GREATEST(a.started_at, DATE(a.started_at) + INTERVAL d.seq DAY),
                     LEAST(a.ended_at, DATE(a.started_at) + INTERVAL (d.seq + 1) DAY)) DIV 1000
FROM attempt a JOIN seq_0_to_3 d ON DATE(a.started_at) + INTERVAL d.seq DAY < a.ended_at;

SELECT COUNT(*) AS day_rows, COUNT(DISTINCT job_id) AS attempts FROM crater_attempt_usage;
ANALYZE TABLE crater_attempt_usage;

DELIMITER //
CREATE PROCEDURE reports()
BEGIN
  DECLARE i INT DEFAULT 0;
  WHILE i < 5 DO
    -- a user's month, by day
    SELECT usage_day, SUM(gpus * duration_ms), SUM(cpu_millis * duration_ms), SUM(memory_mib * duration_ms)
      FROM crater_attempt_usage WHERE usage_day BETWEEN '2026-10-01' AND '2026-10-31' AND owner_id = 17
      GROUP BY usage_day ORDER BY usage_day;
    -- an account's month, by user
    SELECT username, SUM(gpus * duration_ms), SUM(cpu_millis * duration_ms), SUM(memory_mib * duration_ms)
      FROM crater_attempt_usage WHERE usage_day BETWEEN '2026-10-01' AND '2026-10-31' AND account = 'lab3'
      GROUP BY username ORDER BY username;
    -- everyone's month, by user and GPU model
    SELECT username, gpu_model, SUM(gpus * duration_ms), SUM(cpu_millis * duration_ms),
           SUM(memory_mib * duration_ms)
      FROM crater_attempt_usage WHERE usage_day BETWEEN '2026-10-01' AND '2026-10-31'
      GROUP BY username, gpu_model ORDER BY username, gpu_model;
    -- everyone's 180 days, by GPU model
    SELECT gpu_model, SUM(gpus * duration_ms), SUM(cpu_millis * duration_ms), SUM(memory_mib * duration_ms)
      FROM crater_attempt_usage WHERE usage_day BETWEEN '2026-06-01' AND '2026-11-30'
      GROUP BY gpu_model ORDER BY gpu_model;
    SET i = i + 1;
  END WHILE;
END //
DELIMITER ;

-- Without the report indexes (the primary key only), then with them (V19).
SET profiling = 1;
SET profiling_history_size = 100;
CALL reports();
SHOW PROFILES;
SET profiling = 0;
CREATE INDEX ix_crater_attempt_usage_day ON crater_attempt_usage (usage_day);
CREATE INDEX ix_crater_attempt_usage_owner_day ON crater_attempt_usage (owner_id, usage_day);
CREATE INDEX ix_crater_attempt_usage_account_day ON crater_attempt_usage (account, usage_day);
ANALYZE TABLE crater_attempt_usage;
SET profiling = 1;
CALL reports();
SHOW PROFILES;
