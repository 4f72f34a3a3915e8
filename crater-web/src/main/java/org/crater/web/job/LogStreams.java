package org.crater.web.job;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Followed job logs. Each stream is written by a thread of its own pool, never by an HTTP request
 * thread, so followers cannot starve the rest of the API; the pool is as large as the global cap.
 * Streams are capped per user and in all (429 beyond). A stream ends when the log ends or when
 * writing to the client fails; a quiet stream gets a keep-alive every {@code client-check}, so a
 * client that went away is found within two of them and its cluster stream closed.
 */
@ApplicationScoped
public class LogStreams {

  @Inject
  @ConfigProperty(name = "crater.logs.max-streams", defaultValue = "64")
  int maxStreams;

  @Inject
  @ConfigProperty(name = "crater.logs.max-streams-per-user", defaultValue = "4")
  int maxPerUser;

  @Inject
  @ConfigProperty(name = "crater.logs.client-check", defaultValue = "PT2S")
  Duration clientCheck;

  @Resource private ManagedThreadFactory threads;
  @Resource private ManagedScheduledExecutorService timer;

  private ExecutorService pumps;
  private ScheduledFuture<?> checks;
  private final Map<Long, Integer> perUser = new HashMap<>();
  private int open;
  private final Set<LogPump> running = ConcurrentHashMap.newKeySet();

  @PostConstruct
  void start() {
    pumps = Executors.newFixedThreadPool(maxStreams, threads);
    long period = clientCheck.toMillis();
    checks = timer.scheduleWithFixedDelay(this::keepAlive, period, period, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    checks.cancel(false);
    running.forEach(LogPump::close);
    pumps.shutdownNow();
  }

  /**
   * Follows a log: reserves a place (or throws {@link TooManyStreamsException}), opens the cluster
   * stream and hands it to a pump thread. The response carries the events as they are sent; the
   * request thread is free as soon as it is returned.
   */
  public Response follow(long userId, Supplier<InputStream> source) {
    reserve(userId);
    InputStream log;
    try {
      log = source.get();
    } catch (RuntimeException e) {
      release(userId);
      throw e;
    }
    LogPump pump = new LogPump(log, () -> release(userId));
    running.add(pump);
    pumps.execute(pump);
    return Response.ok(pump.output(), LogPump.MEDIA_TYPE).build();
  }

  synchronized void reserve(long userId) {
    int mine = perUser.getOrDefault(userId, 0);
    if (mine >= maxPerUser) {
      throw new TooManyStreamsException("You follow " + maxPerUser + " logs already.");
    }
    if (open >= maxStreams) {
      throw new TooManyStreamsException("Too many logs are followed right now.");
    }
    perUser.put(userId, mine + 1);
    open++;
  }

  synchronized void release(long userId) {
    open--;
    perUser.computeIfPresent(userId, (id, mine) -> mine <= 1 ? null : mine - 1);
  }

  /** Keeps quiet streams alive, which is how a client that went away is found. */
  private void keepAlive() {
    long quiet = clientCheck.toNanos();
    for (LogPump pump : running) {
      pump.keepAlive(quiet);
      if (pump.closed()) {
        running.remove(pump);
      }
    }
  }
}
