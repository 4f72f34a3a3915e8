package org.crater.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.crater.sim.actor.NodePool;

/**
 * One freshly started Crater for one scenario: a new MariaDB database, an in-process simulated
 * cluster (or a running real control plane) and Payara Micro running the built {@code crater.war}
 * in its own process. Everything listens on 127.0.0.1 only.
 */
final class Stack implements AutoCloseable {

  static final String DB_USER = "crater_bench";
  static final String ADMIN_PASSWORD = "bench-admin-password";
  static final String NAMESPACE = "crater-jobs";

  private final SimCluster sim;
  private final Process payara;
  private final int port;
  private final Duration readyIn;

  private Stack(SimCluster sim, Process payara, int port, Duration readyIn) {
    this.sim = sim;
    this.payara = payara;
    this.port = port;
    this.readyIn = readyIn;
  }

  /**
   * Starts a fresh stack on a fresh simulated cluster.
   *
   * @param name scenario name, used for the log file
   * @param settings where things are and what the cluster looks like
   * @param nodes GPU nodes (A100, 8 GPUs, 64 CPUs, 512 GiB each)
   * @param podsPerNode how many pods a node takes
   */
  static Stack start(String name, BenchSettings settings, int nodes, int podsPerNode)
      throws IOException, SQLException, InterruptedException {
    recreateDatabase(settings);
    SimCluster sim =
        SimCluster.start(
            SimConfig.builder()
                .port(freePort())
                .nodePool(NodePool.parse(nodes + ":A100:8", "64", "512Gi"))
                .podsPerNode(podsPerNode)
                .namespace(NAMESPACE)
                .build());
    return launch(name, settings, sim, Map.of("CRATER_K8S_URL", sim.url()));
  }

  /**
   * Starts a fresh stack on a real control plane (bin/kube-up): Crater uses the kubeconfig of its
   * own ServiceAccount there.
   *
   * @param name scenario name, used for the log file
   * @param settings where things are; {@link BenchSettings#kube()} is the bed's directory
   */
  static Stack startOnControlPlane(String name, BenchSettings settings)
      throws IOException, SQLException, InterruptedException {
    recreateDatabase(settings);
    Path kubeconfig = settings.kube().resolve("crater-kubeconfig.yaml").toAbsolutePath();
    return launch(
        name,
        settings,
        null,
        Map.of(
            "CRATER_K8S_KUBECONFIG",
            kubeconfig.toString(),
            "CRATER_K8S_NAMESPACE",
            NAMESPACE,
            "CRATER_K8S_LEASE_NAMESPACE",
            "crater"));
  }

  private static Stack launch(
      String name, BenchSettings settings, SimCluster sim, Map<String, String> clusterEnv)
      throws IOException, InterruptedException {
    int port = freePort();
    Path root = settings.out().resolve(name);
    Files.createDirectories(root);
    ProcessBuilder builder = payaraMicro(settings, settings.war(), port, root);
    Map<String, String> env = builder.environment();
    craterEnvironment(env, settings);
    env.putAll(clusterEnv);
    long started = System.nanoTime();
    Process payara = builder.start();
    try {
      awaitReady(payara, port, started);
    } catch (IllegalStateException e) {
      payara.destroyForcibly();
      if (sim != null) {
        sim.close();
      }
      throw new IllegalStateException(
          "Crater did not get ready; see " + root.resolve("crater.log"), e);
    }
    return new Stack(sim, payara, port, Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * What Payara Micro costs before Crater does anything: the same server with the same options,
   * deploying an application of one static page. It is measured like Crater, from the process start
   * until the page has been served five times in a row, and at rest right after.
   *
   * @param readyIn from the process start until the page is served
   * @param rssBytes resident memory then
   */
  record Bare(Duration readyIn, long rssBytes) {}

  static Bare bare(BenchSettings settings) throws IOException, InterruptedException {
    int port = freePort();
    Path root = settings.out().resolve("bare");
    Files.createDirectories(root);
    Path war = root.resolve("bare.war");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war))) {
      zip.putNextEntry(new ZipEntry("index.html"));
      zip.write("ok".getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    }
    long started = System.nanoTime();
    Process payara = payaraMicro(settings, war, port, root).start();
    try {
      awaitAnswering(payara, started, "http://127.0.0.1:" + port + "/bare/index.html");
      Duration readyIn = Duration.ofNanos(System.nanoTime() - started);
      return new Bare(readyIn, rssBytes(payara.pid()));
    } finally {
      payara.destroyForcibly();
      payara.waitFor();
    }
  }

  private static ProcessBuilder payaraMicro(BenchSettings settings, Path war, int port, Path root) {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "@" + settings.logging().resolveSibling("jvm.options"),
            "-Xmx512m",
            "-Djava.io.tmpdir=" + root,
            "-jar",
            settings.payaraMicro().toString(),
            "--nocluster",
            "--port",
            Integer.toString(port),
            "--rootDir",
            root.resolve("payara").toString(),
            "--logProperties",
            settings.logging().toString(),
            "--prebootcommandfile",
            settings.logging().resolveSibling("preboot.asadmin").toString(),
            "--deploy",
            war.toString())
        .redirectErrorStream(true)
        .redirectOutput(root.resolve("crater.log").toFile());
  }

  private static void craterEnvironment(Map<String, String> env, BenchSettings settings) {
    env.put("CRATER_DB_CLASS", "com.mysql.cj.jdbc.MysqlDataSource");
    env.put("CRATER_DB_URL", settings.jdbcBase() + settings.database());
    env.put("CRATER_DB_USER", DB_USER);
    env.put("CRATER_DB_PASSWORD", DB_USER);
    env.put("CRATER_ADMIN_USERNAME", "admin");
    env.put("CRATER_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("CRATER_AUTH_JWT_SECRET", "benchmark-signing-secret-0123456789abcdef");
    env.put("CRATER_AUTH_SIGNUP_ENABLED", "true");
    // Thousands of users sign up: the cheapest bcrypt cost keeps that out of the measurements.
    env.put("CRATER_AUTH_BCRYPT_COST", "4");
    env.put("CRATER_AUTH_LOGIN_ATTEMPTS", "1000000");
    env.put("CRATER_AUTH_ADDRESS_ATTEMPTS", "1000000");
    env.put("CRATER_QUOTA_DEFAULT_MEMBER", "cpu=1000,memory=4Ti,nvidia.com/gpu=64");
    env.put("CRATER_QUOTA_DEFAULT_ACCOUNT", "cpu=90000,memory=900Ti,nvidia.com/gpu=90000");
    // 16 clients submitting for 30 s queue thousands of jobs each, beyond the default cap of 500
    // queued per user (a fairness policy): the scenarios measure accepted submissions, not
    // refusals.
    env.put("CRATER_JOBS_MAX_QUEUED_PER_USER", "1000000");
  }

  /**
   * Ready, and serving the API: readiness turns UP a moment before the web module takes requests.
   */
  private static void awaitReady(Process payara, int port, long started)
      throws InterruptedException {
    awaitAnswering(
        payara,
        started,
        "http://127.0.0.1:" + port + "/health/ready",
        "http://127.0.0.1:" + port + "/crater/api/v1/version");
  }

  /** Until every one of {@code urls} has answered 200 five times in a row. */
  private static void awaitAnswering(Process payara, long started, String... urls)
      throws InterruptedException {
    long deadline = started + Duration.ofSeconds(300).toNanos();
    // Payara Micro may answer 404/503 for a moment after the first 200: wait for five in a row.
    int answered = 0;
    while (answered < 5) {
      boolean up = Arrays.stream(urls).allMatch(url -> Http.text(url) != null);
      answered = up ? answered + 1 : 0;
      if (!payara.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("not answering in time: " + String.join(", ", urls));
      }
      Thread.sleep(100);
    }
  }

  private static void recreateDatabase(BenchSettings settings) throws SQLException {
    try (Connection c = DriverManager.getConnection(settings.jdbcBase(), "root", "");
        Statement s = c.createStatement()) {
      String db = settings.database();
      s.execute("DROP DATABASE IF EXISTS " + db);
      s.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
      for (String host : new String[] {"localhost", "127.0.0.1"}) {
        s.execute(
            "CREATE USER IF NOT EXISTS '"
                + DB_USER
                + "'@'"
                + host
                + "' IDENTIFIED BY '"
                + DB_USER
                + "'");
        s.execute("GRANT ALL ON " + db + ".* TO '" + DB_USER + "'@'" + host + "'");
      }
    }
  }

  /** A connection to this stack's database (the caller closes it). */
  Connection database(BenchSettings settings) throws SQLException {
    // Batched inserts go as multi-row statements.
    return DriverManager.getConnection(
        settings.jdbcBase() + settings.database() + "?rewriteBatchedStatements=true",
        DB_USER,
        DB_USER);
  }

  /** The API base, ending in a slash. */
  String api() {
    return "http://127.0.0.1:" + port + "/crater/";
  }

  Http anonymous() {
    return new Http(api(), null);
  }

  Http admin() {
    return anonymous().logIn("admin", ADMIN_PASSWORD);
  }

  /** The simulated cluster, or null on a real control plane. */
  SimCluster sim() {
    return sim;
  }

  Duration readyIn() {
    return readyIn;
  }

  /** Resident memory of the Payara Micro process. */
  long rssBytes() throws IOException {
    return rssBytes(payara.pid());
  }

  private static long rssBytes(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return -1;
  }

  /** The first sample of a Prometheus metric on /metrics (any labels), or NaN. */
  double metric(String name) {
    String text = Http.text("http://127.0.0.1:" + port + "/metrics");
    if (text == null) {
      return Double.NaN;
    }
    for (String line : text.split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return Double.NaN;
  }

  @Override
  public void close() throws InterruptedException {
    payara.destroy();
    if (!payara.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
      payara.destroyForcibly();
    }
    if (sim != null) {
      sim.close();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
