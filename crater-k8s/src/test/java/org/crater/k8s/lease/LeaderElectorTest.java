package org.crater.k8s.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.crater.k8s.common.KubeClients;
import org.junit.jupiter.api.Test;

class LeaderElectorTest {

  /** Accepts connections and never answers, as an API server behind a broken network may. */
  private static final class Silent implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> held = new ArrayList<>();

    Silent() throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread accepting =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(server.accept());
                  }
                } catch (IOException closed) {
                  // the test is over
                }
              });
      accepting.setDaemon(true);
      accepting.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket socket : held) {
        socket.close();
      }
    }
  }

  @Test
  void aRoundAgainstAnApiServerThatNeverAnswersEndsWithinTheRetryPeriod() throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    LeaseConfig config =
        new LeaseConfig(
            "crater",
            "crater-leader",
            "replica-a",
            Duration.ofSeconds(15),
            Duration.ofSeconds(10),
            Duration.ofMillis(500));
    try (Silent apiServer = new Silent()) {
      LeaderElector elector =
          new LeaderElector(
              KubeClients.fromUrl(apiServer.url(), KubeClients.REQUESTS),
              config,
              scheduler,
              LeadershipListener.none(),
              Clock.systemUTC());

      long started = System.nanoTime();
      elector.tick();
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(took).isLessThan(config.retryPeriod().multipliedBy(3));
      assertThat(elector.isLeader()).isFalse();
    } finally {
      scheduler.shutdownNow();
    }
  }
}
