package org.crater.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Payara Micro with the built war in a process of its own (for tests that kill it or break what it
 * depends on), configured like the shared instance through the environment failsafe gives, plus
 * {@code env} (a null value removes that variable). Its log is {@code target/<name>.log}.
 */
public final class CraterProcess implements AutoCloseable {

  private final Process process;
  private final int port;

  private CraterProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts it on a free port and waits (up to 3 minutes) until it is ready. */
  public static CraterProcess start(String name, Map<String, String> env) throws IOException {
    return start(name, env, freePort());
  }

  /** Starts it on {@code port} (e.g. again after a kill) and waits until it is ready. */
  public static CraterProcess start(String name, Map<String, String> env, int port)
      throws IOException {
    Path target = Path.of(System.getProperty("crater.war")).getParent();
    Path log = target.resolve(name + ".log");
    Path root = target.resolve(name + "-root");
    deleteTree(root); // a fresh server each start, as a new pod would be: no deployment left over
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + target.resolve("../../deploy/jvm.options").normalize(),
                "-Xmx512m",
                "-Djava.io.tmpdir=" + target,
                "-jar",
                target.resolve("payara-micro.jar").toString(),
                "--nocluster",
                "--port",
                Integer.toString(port),
                "--rootDir",
                root.toString(),
                "--logProperties",
                target.resolve("../../deploy/logging.properties").normalize().toString(),
                "--prebootcommandfile",
                target.resolve("../../deploy/preboot.asadmin").normalize().toString(),
                "--deploy",
                System.getProperty("crater.war"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    env.forEach(
        (variable, value) -> {
          if (value == null) {
            builder.environment().remove(variable);
          } else {
            builder.environment().put(variable, value);
          }
        });
    Files.deleteIfExists(log);
    CraterProcess crater = new CraterProcess(builder.start(), port);
    try {
      Awaitility.await(name + " ready")
          .atMost(Duration.ofSeconds(180))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> !crater.process.isAlive() || crater.ready());
    } catch (ConditionTimeoutException e) {
      crater.process.destroyForcibly();
      throw new IllegalStateException(name + " not ready within 3 minutes" + severe(log), e);
    }
    if (!crater.process.isAlive()) {
      throw new IllegalStateException("Payara Micro stopped" + severe(log));
    }
    return crater;
  }

  /** Where the log is and its first SEVERE lines, so that a failed start explains itself in CI. */
  private static String severe(Path log) throws IOException {
    try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
      return "; see "
          + log
          + lines
              .filter(line -> line.contains("SEVERE"))
              .limit(5)
              .map(line -> "\n  " + line.substring(0, Math.min(line.length(), 400)))
              .collect(Collectors.joining());
    }
  }

  /** The application's base URL, e.g. {@code http://127.0.0.1:PORT/crater/}. */
  public URL base() {
    try {
      return URI.create("http://127.0.0.1:" + port + "/crater/").toURL();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Ready, and serving the API: readiness turns UP a moment before the web module answers, and on a
   * loaded machine its routes answered 404 for a moment after the version route did, so the login
   * route must answer too (400 to an empty body; anything but 404 or a 5xx).
   */
  private boolean ready() {
    return status("/health/ready", null) == 200
        && status("/crater/api/v1/version", null) == 200
        && answersLogin();
  }

  private boolean answersLogin() {
    int status = status("/crater/api/v1/auth/login", "{}");
    return status >= 400 && status < 500 && status != 404;
  }

  /** The status of a GET (a POST of {@code json} when given); 0 when nothing answered. */
  private int status(String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(2));
    if (json != null) {
      request.header("Content-Type", "application/json").POST(BodyPublishers.ofString(json));
    }
    try {
      return HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .build()
          .send(request.build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (var paths = Files.walk(root)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  /** SIGKILL: no shutdown hooks, nothing flushed; returns once the process is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Sends a signal, e.g. {@code STOP} to freeze the process and {@code CONT} to let it go on. */
  public void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
    if (kill.waitFor() != 0) {
      throw new IOException("kill -" + name + " " + process.pid() + " failed");
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
