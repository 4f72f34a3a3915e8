package org.crater.sim.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP front of the store on 127.0.0.1: discovery, {@code /version}, resource verbs, watches,
 * the pod subresources and the plain-text pages added with {@link #addTextPage} (such as {@code
 * /metrics}); every other path goes to the simulated ingress controller ({@link IngressFront}).
 * Every failure of the API becomes a Kubernetes {@code Status} body.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());

  private final Store store;
  private final HttpServer http;
  private final ExecutorService pool;
  private final ResourceHandler resources;
  private final PodEndpoints pods;
  private final Discovery discovery;
  private final IngressFront ingress;
  private final AdmissionPolicies admission = new AdmissionPolicies();
  private final Map<String, TextPage> textPages = new ConcurrentHashMap<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile int failureCode = 500;

  public ApiServer(Store store, LogStore logs, int port, long bookmarkIntervalMs)
      throws IOException {
    this.store = store;
    // Without TCP_NODELAY, small chunked writes wait for delayed ACKs (about 11 requests/s).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    this.http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
    AtomicInteger threads = new AtomicInteger();
    this.pool =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "crater-sim-http-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.resources =
        new ResourceHandler(store, new WatchStreamer(store, bookmarkIntervalMs), admission);
    this.pods = new PodEndpoints(store, logs);
    this.discovery = new Discovery(store.registry(), () -> "127.0.0.1:" + port());
    this.ingress = new IngressFront(store);
    http.setExecutor(pool);
    http.createContext("/", this::handle);
  }

  public void start() {
    http.start();
  }

  public int port() {
    return http.getAddress().getPort();
  }

  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /**
   * Makes the next {@code count} requests under {@code /api} and {@code /apis} (watches and
   * discovery included; {@code /version} and health excepted) fail with {@code code} and a Status
   * body, for failure tests.
   */
  public void failNextRequests(int count, int code) {
    failureCode = code;
    failuresLeft.set(count);
  }

  /**
   * Serves GET {@code path} (exactly) with the text {@code body} makes on each request, of the
   * given content type, ahead of the ingress controller.
   */
  public void addTextPage(String path, String contentType, Supplier<String> body) {
    textPages.put(path, new TextPage(contentType, body));
  }

  private record TextPage(String contentType, Supplier<String> body) {}

  /** The validating admission webhooks of object creates through the API. */
  public AdmissionPolicies admission() {
    return admission;
  }

  /**
   * Carries out the next {@code count} creates but answers each 409 AlreadyExists, as the retry of
   * a create whose answer was lost would be answered: the object exists, the client never saw it
   * made.
   */
  public void loseNextCreateAnswers(int count) {
    resources.loseNextCreateAnswers(count);
  }

  private void handle(HttpExchange ex) {
    try {
      try {
        injectFailure(ex.getRequestURI().getPath());
        dispatch(ex);
      } catch (ApiError e) {
        HttpIo.sendJson(ex, e.code(), e.toStatus());
      } catch (NumberFormatException | com.google.gson.JsonParseException e) {
        HttpIo.sendJson(
            ex, 400, ApiError.badRequest("malformed request: " + e.getMessage()).toStatus());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "failed request path=" + ex.getRequestURI().getPath(), e);
        HttpIo.sendJson(ex, 500, new ApiError(500, "InternalError", "internal error").toStatus());
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "dropped response path=" + ex.getRequestURI().getPath(), e);
    } finally {
      ex.close();
    }
  }

  private void injectFailure(String path) {
    boolean resource = path.startsWith("/api/") || path.startsWith("/apis/");
    if (resource && failuresLeft.get() > 0 && failuresLeft.getAndDecrement() > 0) {
      String reason =
          failureCode == 503
              ? "ServiceUnavailable"
              : failureCode == 429 ? "TooManyRequests" : "InternalError";
      throw new ApiError(failureCode, reason, "injected failure (crater-sim)");
    }
  }

  private void dispatch(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String[] s = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toArray(String[]::new);
    if (discovery.handles(ex, s)) {
      return;
    }
    TextPage page = textPages.get(path);
    if (page != null) {
      HttpIo.sendText(ex, 200, page.contentType(), page.body().get());
      return;
    }
    Route route;
    if (s.length >= 2 && s[0].equals("api") && s[1].equals("v1")) {
      if (pods.handlesBindings(ex, s)) {
        return;
      }
      route = Route.parse(store.registry(), "", "v1", Arrays.copyOfRange(s, 2, s.length));
    } else if (s.length >= 4 && s[0].equals("apis")) {
      route = Route.parse(store.registry(), s[1], s[2], Arrays.copyOfRange(s, 3, s.length));
    } else if (s.length > 0 && !s[0].equals("api") && !s[0].equals("apis") && ingress.handles(ex)) {
      return;
    } else {
      throw Route.notFound();
    }
    if (route.subresource() != null && !route.subresource().equals("status")) {
      pods.handle(ex, route);
    } else {
      resources.handle(ex, route);
    }
  }

  @Override
  public void close() {
    http.stop(0);
    pool.shutdownNow();
  }
}
