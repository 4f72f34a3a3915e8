package org.crater.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finished jobs written straight into a stack's database with batched SQL (what months of use leave
 * behind), and the user ids they belong to.
 */
final class FinishedJobs {

  private static final String INSERT =
      "INSERT INTO crater_job (id, name, owner_id, account_id, kind, task_type, slo, image,"
          + " command, args, env, resources, gpu_model, replicas, mounts, phase, reason,"
          + " attempt, preemptions, submitted_at, admitted_at, started_at, finished_at,"
          + " exit_code, nodes, version) VALUES (?, 'history', ?, ?, 'BATCH', 'TRAINING',"
          + " 'BEST_EFFORT', 'pytorch/pytorch:2.4.0', '[\"python\",\"train.py\"]', '[]',"
          + " '{}', 'cpu=2000;memory=8589934592;nvidia.com/gpu=1', 'A100', 1, '[]',"
          + " 'SUCCEEDED', 'Completed', 1, 0, ?, ?, ?, ?, 0, 'a100-node-0', 1)";

  private final Stack stack;
  private final BenchSettings settings;

  FinishedJobs(Stack stack, BenchSettings settings) {
    this.stack = stack;
    this.settings = settings;
  }

  /** The database ids of the users {@code prefix-0} ... in sign-up order. */
  List<Long> userIds(int count, String prefix) throws SQLException {
    Map<String, Long> ids = new HashMap<>();
    try (Connection db = stack.database(settings);
        PreparedStatement q =
            db.prepareStatement("SELECT username, id FROM crater_user WHERE username LIKE ?")) {
      q.setString(1, prefix + "-%");
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          ids.put(r.getString(1), r.getLong(2));
        }
      }
    }
    List<Long> ordered = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ordered.add(ids.get(prefix + "-" + i));
    }
    return ordered;
  }

  /**
   * Inserts {@code count} finished jobs owned in turn by {@code userIds}, submitted over the last
   * 30 days, committed every 1,000; returns the job ids of each owner.
   */
  Map<Long, List<Long>> insert(List<Long> userIds, int count) throws SQLException {
    Map<Long, List<Long>> jobsOf = new HashMap<>();
    try (Connection db = stack.database(settings)) {
      long account = defaultAccount(db);
      db.setAutoCommit(false);
      Instant now = Instant.now();
      try (PreparedStatement insert = db.prepareStatement(INSERT)) {
        for (int i = 0; i < count; i++) {
          long id = 10_000_000L + i;
          long owner = userIds.get(i % userIds.size());
          jobsOf.computeIfAbsent(owner, o -> new ArrayList<>()).add(id);
          Instant submitted = now.minusSeconds(30L * 24 * 3600 * (count - i) / count);
          insert.setLong(1, id);
          insert.setLong(2, owner);
          insert.setLong(3, account);
          insert.setTimestamp(4, Timestamp.from(submitted));
          insert.setTimestamp(5, Timestamp.from(submitted.plusSeconds(1)));
          insert.setTimestamp(6, Timestamp.from(submitted.plusSeconds(5)));
          insert.setTimestamp(7, Timestamp.from(submitted.plusSeconds(600)));
          insert.addBatch();
          if (i % 1000 == 999) {
            insert.executeBatch();
            db.commit();
          }
        }
        insert.executeBatch();
        db.commit();
      }
    }
    return jobsOf;
  }

  private static long defaultAccount(Connection db) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT id FROM crater_account WHERE name = 'default'")) {
      r.next();
      return r.getLong(1);
    }
  }
}
