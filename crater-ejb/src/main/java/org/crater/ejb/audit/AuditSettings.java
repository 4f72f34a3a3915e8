package org.crater.ejb.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audit log's settings ({@code crater.audit.*}): how long rows are kept, how many entries wait
 * in memory at most, how often and in what batches they are written, and how often the leader
 * deletes old rows.
 */
@ApplicationScoped
public class AuditSettings {

  @Inject
  @ConfigProperty(name = "crater.audit.retention", defaultValue = "P180D")
  Duration retention;

  @Inject
  @ConfigProperty(name = "crater.audit.queue-capacity", defaultValue = "20000")
  int queueCapacity;

  @Inject
  @ConfigProperty(name = "crater.audit.flush-every", defaultValue = "PT1S")
  Duration flushEvery;

  @Inject
  @ConfigProperty(name = "crater.audit.batch-size", defaultValue = "500")
  int batchSize;

  @Inject
  @ConfigProperty(name = "crater.audit.purge-every", defaultValue = "PT10M")
  Duration purgeEvery;

  /** Rows older than this are deleted. */
  public Duration retention() {
    return retention.isNegative() ? Duration.ZERO : retention;
  }

  /** The most entries waiting in memory; more are dropped (counted and logged). */
  public int queueCapacity() {
    return Math.max(1, queueCapacity);
  }

  /** How long an entry waits at most before the writer stores it. */
  public Duration flushEvery() {
    return positive(flushEvery, Duration.ofSeconds(1));
  }

  /** The most rows one insert (and one purge statement) writes or deletes. */
  public int batchSize() {
    return Math.max(1, batchSize);
  }

  /** How often the leader deletes rows older than the retention. */
  public Duration purgeEvery() {
    return positive(purgeEvery, Duration.ofMinutes(10));
  }

  private static Duration positive(Duration value, Duration fallback) {
    return value.isNegative() || value.isZero() ? fallback : value;
  }
}
