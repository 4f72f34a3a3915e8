package org.crater.bench.faults;

import com.google.gson.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crater.k8s.workload.WorkloadNames;
import org.crater.sim.SimCluster;
import org.crater.sim.api.ResourceRegistry;

/**
 * What the database and the cluster hold after a fault, checked against what the clients were told:
 * every accepted job stored once, no job with two live pods, and every job ended.
 */
final class Ledger {

  private static final Set<String> LIVE_POD_PHASES = Set.of("", "Pending", "Running");

  /**
   * A job as stored.
   *
   * @param id its id
   * @param name its name (unique per submission in these runs)
   * @param phase its phase
   * @param attempt its attempt
   */
  record StoredJob(long id, String name, String phase, int attempt) {}

  /**
   * A pod as the cluster holds it.
   *
   * @param name its name
   * @param phase its phase, "" when it has none yet
   */
  record Pod(String name, String phase) {

    boolean live() {
      return LIVE_POD_PHASES.contains(phase);
    }
  }

  private final Map<Long, StoredJob> jobs;
  private final Map<Long, List<Pod>> pods;

  private Ledger(Map<Long, StoredJob> jobs, Map<Long, List<Pod>> pods) {
    this.jobs = jobs;
    this.pods = pods;
  }

  /** Reads every job from {@code db} and every pod of the jobs namespace from {@code sim}. */
  static Ledger read(Connection db, SimCluster sim, String namespace) throws SQLException {
    Map<Long, StoredJob> jobs = new HashMap<>();
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT id, name, phase, attempt FROM crater_job")) {
      while (r.next()) {
        StoredJob job = new StoredJob(r.getLong(1), r.getString(2), r.getString(3), r.getInt(4));
        jobs.put(job.id(), job);
      }
    }
    Map<Long, List<Pod>> pods = new HashMap<>();
    for (JsonObject pod : sim.store().list(ResourceRegistry.PODS, namespace)) {
      JsonObject meta = pod.getAsJsonObject("metadata");
      JsonObject labels = meta.has("labels") ? meta.getAsJsonObject("labels") : new JsonObject();
      if (!labels.has("crater.io/job-id")) {
        continue;
      }
      JsonObject status = pod.has("status") ? pod.getAsJsonObject("status") : new JsonObject();
      String phase = status.has("phase") ? status.get("phase").getAsString() : "";
      pods.computeIfAbsent(labels.get("crater.io/job-id").getAsLong(), id -> new ArrayList<>())
          .add(new Pod(meta.get("name").getAsString(), phase));
    }
    return new Ledger(jobs, pods);
  }

  /** True when every job in {@code ids} has ended as SUCCEEDED. */
  boolean allSucceeded(Collection<Long> ids) {
    return ids.stream()
        .allMatch(id -> jobs.containsKey(id) && jobs.get(id).phase().equals("SUCCEEDED"));
  }

  /** Every way the stored state breaks the promises made to clients; empty when none. */
  List<String> problems(Collection<Burst.Outcome> outcomes) {
    List<String> problems = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    jobs.values().forEach(j -> names.merge(j.name(), 1, Integer::sum));
    names.forEach(
        (name, n) -> {
          if (n > 1) {
            problems.add(name + " is stored " + n + " times");
          }
        });
    for (Burst.Outcome o : outcomes) {
      if (o.accepted() && !jobs.containsKey(o.jobId())) {
        problems.add("accepted job " + o.jobId() + " (" + o.name() + ") is lost");
      }
    }
    for (StoredJob job : jobs.values()) {
      List<Pod> own = pods.getOrDefault(job.id(), List.of());
      long live = own.stream().filter(Pod::live).count();
      if (live > 1) {
        problems.add("job " + job.id() + " has " + live + " live pods: " + own);
      }
      String expected = WorkloadNames.objectName(job.id(), job.attempt());
      if (job.phase().equals("SUCCEEDED")
          && !own.stream().map(Pod::name).toList().equals(List.of(expected))) {
        problems.add("job " + job.id() + " ended with pods " + own + ", expected " + expected);
      }
    }
    return problems;
  }

  /** Jobs whose submission got no 201 but that were stored anyway (the answer was lost). */
  long storedWithoutAnswer(Collection<Burst.Outcome> outcomes) {
    Set<String> acknowledged = new HashSet<>();
    outcomes.stream().filter(Burst.Outcome::accepted).forEach(o -> acknowledged.add(o.name()));
    return jobs.values().stream().filter(j -> !acknowledged.contains(j.name())).count();
  }

  /** Jobs stored with an attempt above 1 (requeued on the way). */
  long requeued() {
    return jobs.values().stream().filter(j -> j.attempt() > 1).count();
  }
}
