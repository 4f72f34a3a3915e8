package org.crater.web.job;

import com.google.gson.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.crater.sim.SimCluster;
import org.crater.sim.api.ResourceRegistry;
import org.crater.sim.api.WatchEvent;
import org.crater.sim.api.Watcher;

/**
 * Watches replicas from outside, without pause: every 100 ms it checks in the database that no user
 * (in an account) and no account holds more guaranteed resources than its quota, and in the cluster
 * that no job has pods of two attempts at once; it also sees every pod created and notes a name
 * created twice.
 */
final class ReplicaWatch implements AutoCloseable {

  private final Replicas replicas;
  private final SimCluster cluster;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicLong samples = new AtomicLong();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> creations = new ConcurrentHashMap<>();
  private final Thread sampler;
  private final Thread pods;

  private ReplicaWatch(Replicas replicas, SimCluster cluster) {
    this.replicas = replicas;
    this.cluster = cluster;
    this.sampler = new Thread(this::sample, "replica-watch");
    this.pods = new Thread(this::countCreations, "replica-watch-pods");
  }

  static ReplicaWatch start(Replicas replicas, SimCluster cluster) {
    ReplicaWatch watch = new ReplicaWatch(replicas, cluster);
    watch.sampler.start();
    watch.pods.start();
    return watch;
  }

  long samples() {
    return samples.get();
  }

  List<String> violations() {
    return List.copyOf(violations);
  }

  /** Pod names the cluster saw created more than once. */
  List<String> podsCreatedTwice() {
    return creations.entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Whether a pod of job {@code id} was created since the watch started. */
  boolean created(long id) {
    String prefix = "crater-" + id + "-";
    return creations.keySet().stream().anyMatch(name -> name.startsWith(prefix));
  }

  /** How many live (not terminating) pods job {@code id} has now. */
  int podsOf(long id) {
    return (int)
        livePods().stream()
            .filter(p -> String.valueOf(id).equals(label(p, "crater.io/job-id")))
            .count();
  }

  private void sample() {
    while (!stop.get()) {
      try {
        checkQuotas();
        checkAttempts();
        samples.incrementAndGet();
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      } catch (SQLException | RuntimeException e) {
        // the database or a replica is being killed: the next sample looks again
      }
    }
  }

  private void checkQuotas() throws SQLException {
    try (Connection c = replicas.connect();
        Statement s = c.createStatement()) {
      Map<String, Map<String, Long>> held = new HashMap<>();
      Map<String, Map<String, Long>> accountHeld = new HashMap<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT owner_id, account_id, resources, replicas FROM crater_job"
                  + " WHERE slo = 'GUARANTEED' AND phase IN ('CREATED', 'PENDING', 'RUNNING')")) {
        while (rs.next()) {
          Map<String, Long> total = times(vector(rs.getString(3)), rs.getInt(4));
          add(
              held.computeIfAbsent(rs.getLong(1) + "@" + rs.getLong(2), k -> new HashMap<>()),
              total);
          add(
              accountHeld.computeIfAbsent(String.valueOf(rs.getLong(2)), k -> new HashMap<>()),
              total);
        }
      }
      compare(
          s,
          "SELECT CONCAT(user_id, '@', account_id), quota FROM crater_membership",
          held,
          "member");
      compare(s, "SELECT CAST(id AS CHAR), quota FROM crater_account", accountHeld, "account");
    }
  }

  private void compare(
      Statement s, String quotas, Map<String, Map<String, Long>> held, String scope)
      throws SQLException {
    try (ResultSet rs = s.executeQuery(quotas)) {
      while (rs.next()) {
        Map<String, Long> used = held.getOrDefault(rs.getString(1), Map.of());
        Map<String, Long> quota = vector(rs.getString(2));
        for (Map.Entry<String, Long> u : used.entrySet()) {
          long limit = quota.getOrDefault(u.getKey(), 0L);
          if (u.getValue() > limit) {
            violations.add(scope + " " + rs.getString(1) + " holds " + u + " over " + limit);
          }
        }
      }
    }
  }

  private void checkAttempts() {
    Map<String, Set<String>> attempts = new HashMap<>();
    for (JsonObject pod : livePods()) {
      attempts
          .computeIfAbsent(label(pod, "crater.io/job-id"), k -> new HashSet<>())
          .add(label(pod, "crater.io/attempt"));
    }
    attempts.forEach(
        (job, seen) -> {
          if (seen.size() > 1) {
            violations.add("job " + job + " has pods of attempts " + seen);
          }
        });
  }

  private List<JsonObject> livePods() {
    List<JsonObject> live = new ArrayList<>();
    for (JsonObject pod : cluster.store().list(ResourceRegistry.PODS, "crater-jobs")) {
      JsonObject meta = pod.getAsJsonObject("metadata");
      if (!meta.has("deletionTimestamp")) {
        live.add(pod);
      }
    }
    return live;
  }

  private void countCreations() {
    Watcher watcher = cluster.store().subscribe(ResourceRegistry.PODS);
    try {
      while (!stop.get()) {
        WatchEvent event = watcher.poll(200);
        if (event != null && WatchEvent.ADDED.equals(event.type())) {
          String name = event.object().getAsJsonObject("metadata").get("name").getAsString();
          creations.merge(name, 1, Integer::sum);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      cluster.store().unwatch(watcher);
    }
  }

  private static String label(JsonObject pod, String key) {
    JsonObject labels = pod.getAsJsonObject("metadata").getAsJsonObject("labels");
    return labels == null || !labels.has(key) ? null : labels.get(key).getAsString();
  }

  /** {@code cpu=4000;memory=17179869184;nvidia.com/gpu=2} as a map. */
  private static Map<String, Long> vector(String text) {
    Map<String, Long> vector = new HashMap<>();
    for (String part : text.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        vector.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
      }
    }
    return vector;
  }

  private static Map<String, Long> times(Map<String, Long> vector, int n) {
    Map<String, Long> total = new HashMap<>();
    vector.forEach((k, v) -> total.put(k, v * n));
    return total;
  }

  private static void add(Map<String, Long> into, Map<String, Long> more) {
    more.forEach((k, v) -> into.merge(k, v, Long::sum));
  }

  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    sampler.join(5_000);
    pods.join(5_000);
  }
}
