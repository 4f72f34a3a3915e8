-- Replicas: the leadership epoch, the change feed and the leader's published view of the queues.

-- The fencing token. A replica that gains the Lease bumps the epoch before acting as leader; every
-- write it makes as leader re-reads the epoch under a lock in the same transaction and fails when
-- another replica has bumped it since. One row.
CREATE TABLE crater_leadership (
  id INT NOT NULL,
  epoch BIGINT NOT NULL,
  holder VARCHAR(253),
  since DATETIME(6),
  PRIMARY KEY (id)
);
INSERT INTO crater_leadership (id, epoch) VALUES (1, 0);

-- Changes committed by a replica that does not lead, in the same transaction as the change, for the
-- leader to pick up within a fraction of a second: JOB names one job, QUOTA has none. Pruned by the
-- leader after a few minutes.
CREATE TABLE crater_change (
  id BIGINT NOT NULL AUTO_INCREMENT,
  kind VARCHAR(16) NOT NULL,
  job_id BIGINT,
  created_at DATETIME(6) NOT NULL,
  PRIMARY KEY (id)
);
CREATE INDEX ix_crater_change_created ON crater_change (created_at);

-- Why each queued job waits and its position, as the leader's last pass saw it, for the replicas
-- that do not plan. One row, rewritten at most once a second while it changes.
CREATE TABLE crater_waiting (
  id INT NOT NULL,
  epoch BIGINT NOT NULL,
  taken_at DATETIME(6) NOT NULL,
  body LONGBLOB NOT NULL,
  PRIMARY KEY (id)
);
INSERT INTO crater_waiting (id, epoch, taken_at, body) VALUES (1, 0, CURRENT_TIMESTAMP, X'');

-- Moves made by the leader carry its epoch: which leader made a move, and proof that a deposed one
-- wrote nothing after its successor's epoch began.
ALTER TABLE crater_job_event ADD COLUMN epoch BIGINT;
