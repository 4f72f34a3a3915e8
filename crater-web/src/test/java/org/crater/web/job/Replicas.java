package org.crater.web.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.crater.web.Api;
import org.crater.web.CraterProcess;

/**
 * Replicas of Crater, each a Payara Micro process with the built war, on one database and one
 * cluster, with a short Lease ({@link TwoReplicasIT#LEASE}); who leads is read from each one's
 * readiness. Also reads the shared database directly, for what the tests check there.
 */
final class Replicas implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final String clusterUrl;
  private final String databaseUrl;
  private final Map<String, CraterProcess> running = new LinkedHashMap<>();
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private final Set<String> frozen = new HashSet<>();

  Replicas(String clusterUrl, String databaseUrl) {
    this.clusterUrl = clusterUrl;
    this.databaseUrl = databaseUrl;
  }

  /** Starts (or starts again, on its port) the replica {@code name} in time zone {@code zone}. */
  synchronized void start(String name, String zone) throws IOException {
    int port = ports.computeIfAbsent(name, n -> freePort());
    Map<String, String> env =
        Map.of(
            "CRATER_DB_URL",
            databaseUrl,
            "CRATER_K8S_URL",
            clusterUrl,
            "CRATER_K8S_IDENTITY",
            name,
            "CRATER_K8S_LEASE_DURATION",
            TwoReplicasIT.LEASE.toString(),
            "CRATER_K8S_LEASE_RENEW_DEADLINE",
            TwoReplicasIT.LEASE.multipliedBy(2).dividedBy(3).toString(),
            "CRATER_K8S_LEASE_RETRY_PERIOD",
            "PT1S",
            "CRATER_QUOTA_DEFAULT_MEMBER",
            "cpu=16,memory=64Gi,nvidia.com/gpu=2",
            "TZ",
            zone);
    running.put(name, CraterProcess.start(name, env, port));
    Awaitility.await(name + " sees the cluster")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(200))
        .pollInSameThread() // this thread holds the monitor that cluster() takes
        .until(() -> cluster(name).path("synced").asBoolean());
  }

  synchronized void kill(String name) throws InterruptedException {
    running.remove(name).kill();
  }

  synchronized void freeze(String name) throws IOException, InterruptedException {
    running.get(name).signal("STOP");
    frozen.add(name);
  }

  synchronized void thaw(String name) throws IOException, InterruptedException {
    running.get(name).signal("CONT");
    frozen.remove(name);
  }

  /** The API of some replica that answers. */
  synchronized Api any() {
    return Api.at(alive().get(0).base());
  }

  /** {@code user} on the {@code n}-th replica that answers, round robin. */
  synchronized Api nth(Api user, int n) {
    List<CraterProcess> alive = alive();
    return user.on(alive.get(Math.floorMod(n, alive.size())).base());
  }

  Api viaLeader(Api user) {
    return on(user, leader());
  }

  Api viaFollower(Api user) {
    String leader = leader();
    return on(user, answering().stream().filter(n -> !n.equals(leader)).findFirst().orElseThrow());
  }

  private synchronized Api on(Api user, String name) {
    return user.on(running.get(name).base());
  }

  private synchronized List<String> answering() {
    return running.keySet().stream().filter(n -> !frozen.contains(n)).toList();
  }

  /** The name of the replica that says it leads; fails when none or several do. */
  String leader() {
    List<String> leaders = answering().stream().filter(this::leads).toList();
    if (leaders.size() != 1) {
      throw new IllegalStateException("leaders: " + leaders);
    }
    return leaders.get(0);
  }

  /** Waits until exactly one replica that answers leads; returns it. */
  String awaitLeader(Duration atMost) {
    Awaitility.await("one leader")
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(() -> leader() != null);
    return leader();
  }

  /** Whether replica {@code name} says it leads (false when it does not answer within 1 s). */
  boolean leads(String name) {
    return cluster(name).path("leader").asBoolean();
  }

  /** The cluster check's data in the replica's readiness; empty when it does not answer in 1 s. */
  private JsonNode cluster(String name) {
    CraterProcess replica;
    synchronized (this) {
      replica = running.get(name);
    }
    if (replica == null) {
      return Api.JSON.createObjectNode();
    }
    try {
      HttpResponse<String> health =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + replica.port() + "/health/ready"))
                  .timeout(Duration.ofSeconds(1))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      for (JsonNode check : Api.JSON.readTree(health.body()).path("checks")) {
        if ("cluster".equals(check.path("name").asText())) {
          return check.path("data");
        }
      }
    } catch (IOException e) {
      // not answering: nothing to say
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Api.JSON.createObjectNode();
  }

  /** The leadership epoch in the database. */
  long epoch() throws SQLException {
    return single("SELECT epoch FROM crater_leadership WHERE id = 1");
  }

  /** How many moves the database holds that were made under {@code epoch}. */
  long movesUnder(long epoch) throws SQLException {
    return single("SELECT COUNT(*) FROM crater_job_event WHERE epoch = " + epoch);
  }

  /** Ids of every job stored. */
  Set<Long> storedJobIds() throws SQLException {
    try (Connection c = connect();
        ResultSet rs = c.createStatement().executeQuery("SELECT id FROM crater_job")) {
      Set<Long> ids = new HashSet<>();
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
      return ids;
    }
  }

  /** How many of these jobs have not ended. */
  long unfinished(Set<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return 0;
    }
    String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    return single(
        "SELECT COUNT(*) FROM crater_job WHERE id IN ("
            + in
            + ") AND phase NOT IN ('SUCCEEDED', 'FAILED', 'CANCELLED')");
  }

  /**
   * A transaction that holds the leadership epoch the way a leader's write does between its check
   * and its commit, left open: a write stranded there by a frozen leader. A claim must end it.
   */
  Connection strandedWrite() throws SQLException {
    Connection c = connect();
    c.setAutoCommit(false);
    try (PreparedStatement check =
            c.prepareStatement(
                "SELECT epoch FROM crater_leadership WHERE id = 1 LOCK IN SHARE MODE");
        ResultSet rs = check.executeQuery()) {
      rs.next();
    }
    return c;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(
        databaseUrl, System.getenv("CRATER_DB_USER"), System.getenv("CRATER_DB_PASSWORD"));
  }

  private long single(String sql) throws SQLException {
    try (Connection c = connect();
        PreparedStatement statement = c.prepareStatement(sql);
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private List<CraterProcess> alive() {
    return running.entrySet().stream()
        .filter(e -> !frozen.contains(e.getKey()))
        .map(Map.Entry::getValue)
        .toList();
  }

  private static int freePort() {
    try {
      return CraterProcess.freePort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public synchronized void close() throws Exception {
    for (String name : List.copyOf(frozen)) {
      thaw(name);
    }
    for (CraterProcess replica : running.values()) {
      replica.kill();
    }
    running.clear();
  }
}
