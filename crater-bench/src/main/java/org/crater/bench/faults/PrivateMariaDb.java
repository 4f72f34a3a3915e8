package org.crater.bench.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of its own, on its own port and data directory, so that it can be killed and
 * restarted without touching any other database on the machine. Needs {@code mariadb-install-db}
 * and {@code mariadbd} (Debian's {@code mariadb-server}).
 */
final class PrivateMariaDb implements AutoCloseable {

  private static final List<String> BIN_DIRS =
      List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Path dir;
  private final int port;
  private Process server;

  private PrivateMariaDb(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Creates a fresh data directory under {@code dir} and starts the server on {@code port}. */
  static PrivateMariaDb install(Path dir, int port) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    PrivateMariaDb db = new PrivateMariaDb(dir, port);
    Process install =
        new ProcessBuilder(
                binary("mariadb-install-db"),
                "--no-defaults",
                "--datadir=" + dir.resolve("data"),
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
                asRoot() ? "--user=root" : "--user=" + System.getProperty("user.name"))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("install.log").toFile())
            .start();
    if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
      throw new IOException("mariadb-install-db failed; see " + dir.resolve("install.log"));
    }
    db.start();
    return db;
  }

  /** Starts the server on the existing data directory and waits until it accepts connections. */
  void start() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(binary("mariadbd"));
    command.add("--no-defaults");
    command.add("--datadir=" + dir.resolve("data"));
    command.add("--port=" + port);
    command.add("--bind-address=127.0.0.1");
    command.add("--socket=" + dir.resolve("mysqld.sock"));
    command.add("--pid-file=" + dir.resolve("mysqld.pid"));
    command.add("--skip-log-bin");
    command.add("--innodb-buffer-pool-size=128M");
    if (asRoot()) {
      command.add("--user=root"); // mariadbd refuses to run as root unless told to
    }
    server =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mariadbd.log").toFile()))
            .start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!answers()) {
      if (!server.isAlive() || System.nanoTime() > deadline) {
        throw new IOException("mariadbd did not start; see " + dir.resolve("mariadbd.log"));
      }
      Thread.sleep(100);
    }
  }

  /** SIGKILL: no shutdown, nothing flushed but what InnoDB already made durable. */
  void kill() throws InterruptedException {
    server.destroyForcibly();
    server.waitFor(30, TimeUnit.SECONDS);
  }

  /** Creates a database and a user with every right on it. */
  void createDatabase(String name, String user, String password) throws SQLException {
    try (Connection c = root("");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
      for (String host : List.of("localhost", "127.0.0.1")) {
        s.execute("CREATE USER '" + user + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
        s.execute("GRANT ALL ON " + name + ".* TO '" + user + "'@'" + host + "'");
      }
    }
  }

  String jdbcUrl(String database) {
    return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
  }

  /** A connection as root to {@code database} ("" for none). */
  Connection root(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database) + "?connectTimeout=2000", "root", "");
  }

  private boolean answers() {
    try (Connection c = root("")) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (server != null) {
      kill();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static String binary(String name) throws IOException {
    List<String> dirs = new ArrayList<>(BIN_DIRS);
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(0, List.of(path.split(":")));
    }
    for (String d : dirs) {
      Path candidate = Path.of(d, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IOException(
        name + " not found; install MariaDB (Debian: apt-get install mariadb-server)");
  }
}
