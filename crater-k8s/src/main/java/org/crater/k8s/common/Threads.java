package org.crater.k8s.common;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Default thread factories for tests and standalone use. In the application server the EJB layer
 * hands in the container's {@code ManagedThreadFactory} instead, so no thread escapes an undeploy.
 */
public final class Threads {

  private Threads() {}

  /** Daemon threads named {@code prefix-N}. */
  public static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
