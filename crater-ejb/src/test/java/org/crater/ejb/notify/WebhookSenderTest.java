package org.crater.ejb.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook calls against a real HTTP receiver that checks their signature. */
class WebhookSenderTest {

  private static final String SECRET = "receiver-secret";

  private HttpServer receiver;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.setExecutor(Executors.newCachedThreadPool());
    receiver.createContext("/ok", this::checkSignature);
    receiver.createContext("/broken", exchange -> answer(exchange, 500));
    receiver.createContext("/slow", this::hang);
    receiver.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    receiver.stop(0);
  }

  @Test
  void postsTheBodySignedWithTheWebhooksSecret() throws Exception {
    String payload = "{\"event\":7,\"type\":\"FINISHED\"}";
    sender(Duration.ofSeconds(2)).send(hook("/ok"), 11, payload).get(5, TimeUnit.SECONDS);
    assertThat(bodies).containsExactly(payload);
  }

  @Test
  void aWrongSecretIsRefusedByTheReceiver() {
    WebhookTarget wrong = new WebhookTarget(1, url("/ok"), "not-the-secret");
    assertThatThrownBy(() -> sender(Duration.ofSeconds(2)).send(wrong, 1, "{}").get())
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("HTTP 401");
  }

  @Test
  void anAnswerOtherThan2xxFailsTheTry() {
    assertThatThrownBy(() -> sender(Duration.ofSeconds(2)).send(hook("/broken"), 1, "{}").get())
        .hasMessageContaining("HTTP 500");
  }

  @Test
  void aReceiverThatHangsDoesNotHoldUpAnother() throws Exception {
    WebhookSender sender = sender(Duration.ofSeconds(1));
    Instant start = Instant.now();
    var slow = sender.send(hook("/slow"), 1, "{\"n\":1}");
    var fast = sender.send(hook("/ok"), 2, "{\"n\":2}");
    fast.get(5, TimeUnit.SECONDS);
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(1));
    assertThatThrownBy(() -> slow.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(4));
  }

  private void checkSignature(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
    if (!WebhookSignature.matches(SECRET, body, signature)
        || exchange.getRequestHeaders().getFirst(WebhookSender.DELIVERY_HEADER) == null) {
      answer(exchange, 401);
      return;
    }
    bodies.add(new String(body, StandardCharsets.UTF_8));
    answer(exchange, 204);
  }

  private void hang(HttpExchange exchange) throws IOException {
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    answer(exchange, 200);
  }

  private static void answer(HttpExchange exchange, int status) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private WebhookSender sender(Duration timeout) {
    return new WebhookSender(timeout);
  }

  private WebhookTarget hook(String path) {
    return new WebhookTarget(1, url(path), SECRET);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
  }
}
