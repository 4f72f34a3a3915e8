package org.crater.bench.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro running the built {@code crater.war} in a process of its own, configured through
 * {@code CRATER_*} environment variables. Needs {@code crater-web/target/crater.war} and {@code
 * crater-web/target/payara-micro.jar} ({@code ./mvnw -pl crater-web -am package -DskipTests}).
 */
final class CraterProcess implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

  private final Process process;
  private final int port;
  private final Path log;

  private CraterProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts Crater from {@code target} with {@code env} and waits until it is ready. */
  static CraterProcess start(Path target, Path work, Map<String, String> env)
      throws IOException, InterruptedException {
    int port = freePort();
    Path log = work.resolve("crater.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("@" + target.resolve("../../deploy/jvm.options").normalize());
    command.add("-Xmx512m");
    command.add("-Djava.io.tmpdir=" + work);
    command.add("-jar");
    command.add(target.resolve("payara-micro.jar").toString());
    command.addAll(List.of("--nocluster", "--port", Integer.toString(port)));
    command.addAll(List.of("--rootDir", work.resolve("payara").toString()));
    Path logging = target.resolve("../../deploy/logging.properties").normalize();
    if (Files.exists(logging)) {
      command.addAll(List.of("--logProperties", logging.toString()));
      command.addAll(
          List.of("--prebootcommandfile", logging.resolveSibling("preboot.asadmin").toString()));
    }
    command.addAll(List.of("--deploy", target.resolve("crater.war").toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    CraterProcess crater = new CraterProcess(builder.start(), port, log);
    crater.awaitReady();
    return crater;
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + port + "/crater/");
  }

  Path log() {
    return log;
  }

  private void awaitReady() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        HttpRequest request = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build();
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IOException("Crater did not become ready; see " + log);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
