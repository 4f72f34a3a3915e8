package org.crater.web.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.crater.ejb.notify.WebhookSignature;
import org.crater.web.Api;

/**
 * A webhook receiver in the test: {@code /hook/<name>} accepts a call only when it is signed with
 * the secret registered for that name, and answers 500 to the first {@code failFirst} calls it gets
 * (to prove retries); {@code /broken} always answers 500.
 */
final class WebhookReceiver implements AutoCloseable {

  /** A call the receiver accepted: its delivery header and its body. */
  record Call(String delivery, String body) {}

  private final HttpServer server;
  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final Map<String, List<Call>> accepted = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
  private final AtomicInteger refusedUnsigned = new AtomicInteger();
  private final AtomicInteger toFail;

  WebhookReceiver(int failFirst) throws IOException {
    toFail = new AtomicInteger(failFirst);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/hook/", this::hook);
    server.createContext("/broken", exchange -> answer(exchange, 500));
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  void expectSecret(String name, String secret) {
    secrets.put(name, secret);
  }

  List<Call> accepted(String name) {
    return accepted.getOrDefault(name, List.of());
  }

  /** The bodies of the calls accepted for {@code name}, parsed. */
  List<JsonNode> acceptedBodies(String name) throws IOException {
    List<JsonNode> bodies = new ArrayList<>();
    for (Call call : accepted(name)) {
      bodies.add(Api.JSON.readTree(call.body()));
    }
    return bodies;
  }

  /** How often each delivery was tried (by its X-Crater-Delivery header). */
  Map<String, AtomicInteger> tries() {
    return tries;
  }

  int refusedUnsigned() {
    return refusedUnsigned.get();
  }

  private void hook(HttpExchange exchange) throws IOException {
    String name = exchange.getRequestURI().getPath().substring("/hook/".length());
    byte[] body = exchange.getRequestBody().readAllBytes();
    String delivery = exchange.getRequestHeaders().getFirst("X-Crater-Delivery");
    String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
    String secret = secrets.get(name);
    if (secret == null || !WebhookSignature.matches(secret, body, signature)) {
      refusedUnsigned.incrementAndGet();
      answer(exchange, 401);
      return;
    }
    tries.computeIfAbsent(delivery, d -> new AtomicInteger()).incrementAndGet();
    if (toFail.getAndDecrement() > 0) {
      answer(exchange, 500);
      return;
    }
    accepted
        .computeIfAbsent(name, n -> new CopyOnWriteArrayList<>())
        .add(new Call(delivery, new String(body, StandardCharsets.UTF_8)));
    answer(exchange, 204);
  }

  private static void answer(HttpExchange exchange, int status) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
