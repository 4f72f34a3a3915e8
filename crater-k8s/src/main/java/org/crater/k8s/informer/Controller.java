package org.crater.k8s.informer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.crater.k8s.common.ClusterUnavailableException;

/**
 * Runs a {@link Reconciler} on {@code workers} threads taken from an injected {@link
 * ThreadFactory}. Each worker takes a request (and, up to the batch size, whatever else is ready at
 * that moment), reconciles them, and then forgets each, requeues it (rate-limited or after a
 * delay), or, on an exception, requeues it rate-limited. The queue guarantees one worker per key at
 * a time. Under a burst of changes batches grow, and the reconciler can share its database work
 * among them; when changes are few every batch holds one request.
 */
public final class Controller implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Controller.class.getName());

  private final String name;
  private final WorkQueue<Request> queue;
  private final Reconciler reconciler;
  private final int workers;
  private final int batch;
  private final ThreadFactory threadFactory;
  private final List<Thread> threads = new ArrayList<>();

  /**
   * @param name used in log lines
   * @param queue the queue informers and resyncs feed
   * @param reconciler the port to drive
   * @param workers number of worker threads, at least 1
   * @param batch most requests one worker reconciles at once, at least 1
   * @param threadFactory source of worker threads (the container's managed factory in production)
   */
  public Controller(
      String name,
      WorkQueue<Request> queue,
      Reconciler reconciler,
      int workers,
      int batch,
      ThreadFactory threadFactory) {
    if (workers < 1 || batch < 1) {
      throw new IllegalArgumentException("workers and batch must be >= 1");
    }
    this.name = name;
    this.queue = queue;
    this.reconciler = reconciler;
    this.workers = workers;
    this.batch = batch;
    this.threadFactory = threadFactory;
  }

  /** A controller whose workers reconcile one request at a time. */
  public Controller(
      String name,
      WorkQueue<Request> queue,
      Reconciler reconciler,
      int workers,
      ThreadFactory threadFactory) {
    this(name, queue, reconciler, workers, 1, threadFactory);
  }

  /** Starts the workers; calling it twice is an error. */
  public synchronized void start() {
    if (!threads.isEmpty()) {
      throw new IllegalStateException("controller " + name + " already started");
    }
    for (int i = 0; i < workers; i++) {
      Thread t = threadFactory.newThread(this::workLoop);
      threads.add(t);
      t.start();
    }
    LOG.info(() -> "started controller=" + name + " workers=" + workers);
  }

  /** The queue this controller drains. */
  public WorkQueue<Request> queue() {
    return queue;
  }

  /** Shuts the queue down and waits up to {@code timeout} for each worker to finish its request. */
  public synchronized void stop(Duration timeout) {
    queue.shutdown();
    for (Thread t : threads) {
      try {
        t.join(timeout.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    LOG.info(() -> "stopped controller=" + name);
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(10));
  }

  private void workLoop() {
    try {
      while (true) {
        Optional<Request> next = queue.take();
        if (next.isEmpty()) {
          return;
        }
        List<Request> requests = new ArrayList<>(List.of(next.get()));
        requests.addAll(queue.takeReady(batch - 1));
        process(requests);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void process(List<Request> requests) {
    try {
      List<Result> results = reconciler.reconcileAll(requests);
      for (int i = 0; i < requests.size(); i++) {
        settle(requests.get(i), results.get(i));
      }
    } catch (Exception e) {
      logFailure(requests, e);
      requests.forEach(queue::addRateLimited);
    } finally {
      requests.forEach(queue::done);
    }
  }

  private void settle(Request request, Result result) {
    if (!result.requeue()) {
      queue.forget(request);
    } else if (result.after().isZero()) {
      queue.addRateLimited(request);
    } else {
      queue.forget(request);
      queue.addAfter(request, result.after());
    }
  }

  private void logFailure(List<Request> requests, Exception e) {
    Request first = requests.get(0);
    String message =
        "failed reconcile controller="
            + name
            + " job="
            + first.jobId()
            + (requests.size() > 1 ? " and " + (requests.size() - 1) + " more" : "")
            + " retries="
            + queue.numRequeues(first);
    if (e instanceof ClusterUnavailableException) {
      // Expected while the API server is busy or away: one line, no stack trace.
      LOG.warning(() -> message + " cause=" + e.getMessage());
    } else {
      LOG.log(Level.WARNING, message, e);
    }
  }
}
