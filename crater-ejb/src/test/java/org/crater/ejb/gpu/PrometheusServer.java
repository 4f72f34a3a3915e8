package org.crater.ejb.gpu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus (Debian's {@code prometheus}, installed by bin/prometheus-install) for a test:
 * scrapes one target every second into a temporary directory, on 127.0.0.1 and a port of its own
 * ({@code crater.it.prometheus.port}, a free one when unset), until closed. Other modules' tests
 * use it through crater-ejb's test-jar, which holds this class alone.
 */
public final class PrometheusServer implements AutoCloseable {
  private final Process process;
  private final Path dir;
  private final int port;

  private PrometheusServer(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /**
   * Starts Prometheus scraping {@code target} (host:port) at {@code path} and waits until ready.
   */
  public static PrometheusServer scraping(String target, String path) throws IOException {
    Path binary = binary();
    int port = Integer.getInteger("crater.it.prometheus.port", 0);
    if (port == 0) {
      port = freePort();
    }
    Path dir = Files.createTempDirectory("crater-prometheus-");
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "global:",
            "  scrape_interval: 1s",
            "  scrape_timeout: 1s",
            "  evaluation_interval: 1s",
            "scrape_configs:",
            "  - job_name: dcgm",
            "    honor_labels: true",
            "    metrics_path: " + path,
            "    static_configs:",
            "      - targets: ['" + target + "']",
            ""));
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    PrometheusServer server = new PrometheusServer(process, dir, port);
    server.awaitReady();
    return server;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  private void awaitReady() throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/-/ready")).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String log = Files.readString(dir.resolve("prometheus.log"));
        close();
        throw new IllegalStateException("Prometheus stopped at start:\n" + log);
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      sleep(200);
    }
    close();
    throw new IllegalStateException("Prometheus was not ready on port " + port + " within 60 s");
  }

  private static Path binary() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "prometheus");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    for (Path candidate : List.of(Path.of("/usr/bin/prometheus"))) {
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "Prometheus is not installed: run bin/prometheus-install (as root) or bin/test");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
