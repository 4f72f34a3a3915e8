package org.crater.sim.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Container log lines per pod, written by the kubelet and read by {@code pods/{name}/log}. */
public final class LogStore {
  private final ConcurrentHashMap<String, PodLog> logs = new ConcurrentHashMap<>();

  /** The lines of one pod; {@code finished} once the container has terminated. */
  static final class PodLog {
    private final List<String> lines = new ArrayList<>();
    private boolean finished;

    synchronized void append(String line) {
      lines.add(line);
      notifyAll();
    }

    synchronized void finish() {
      finished = true;
      notifyAll();
    }

    synchronized List<String> from(int index) {
      return new ArrayList<>(lines.subList(Math.min(index, lines.size()), lines.size()));
    }

    synchronized int size() {
      return lines.size();
    }

    synchronized boolean finished() {
      return finished;
    }

    /** Waits until there is a line after {@code index}, the log finishes, or the timeout. */
    synchronized void awaitAfter(int index, long timeoutMs) throws InterruptedException {
      if (lines.size() <= index && !finished) {
        wait(timeoutMs);
      }
    }
  }

  public void append(String ns, String pod, String line) {
    logs.computeIfAbsent(ns + "/" + pod, k -> new PodLog()).append(line);
  }

  public void finish(String ns, String pod) {
    logs.computeIfAbsent(ns + "/" + pod, k -> new PodLog()).finish();
  }

  public void remove(String ns, String pod) {
    PodLog removed = logs.remove(ns + "/" + pod);
    if (removed != null) {
      removed.finish();
    }
  }

  /** The log of one pod, created empty if the kubelet has not written yet. */
  PodLog get(String ns, String pod) {
    return logs.computeIfAbsent(ns + "/" + pod, k -> new PodLog());
  }

  public void clear() {
    logs.values().forEach(PodLog::finish);
    logs.clear();
  }
}
