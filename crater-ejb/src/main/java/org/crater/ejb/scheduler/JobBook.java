package org.crater.ejb.scheduler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crater.model.job.JobPhase;

/**
 * The scheduler's in-memory view of the jobs that matter to admission: the queued ones and the ones
 * holding resources. Rebuilt from the database at start-up and now and then, and kept in step by
 * reading only the jobs that changed. Used by one pass at a time; not thread-safe.
 */
final class JobBook {

  private final Map<Long, QueuedJob> queued = new HashMap<>();
  private final Map<Long, HeldJob> held = new HashMap<>();

  /** Replaces everything with these rows. */
  void reset(List<JobRow> rows) {
    queued.clear();
    held.clear();
    rows.forEach(this::put);
  }

  /** Brings the jobs with these ids in line with their rows (a job without a row is gone). */
  void update(Collection<Long> ids, List<JobRow> rows) {
    ids.forEach(
        id -> {
          queued.remove(id);
          held.remove(id);
        });
    rows.forEach(this::put);
  }

  List<QueuedJob> queued() {
    return new ArrayList<>(queued.values());
  }

  List<HeldJob> held() {
    return new ArrayList<>(held.values());
  }

  private void put(JobRow row) {
    if (row.phase() == JobPhase.QUEUEING) {
      queued.put(row.id(), row.queued());
    } else if (row.phase().holdsQuota()) {
      held.put(row.id(), row.held());
    }
  }
}
