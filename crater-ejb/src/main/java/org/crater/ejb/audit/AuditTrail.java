package org.crater.ejb.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.crater.ejb.common.CraterMetrics;

/**
 * Takes audit entries from request threads without making them wait and writes them in batches off
 * the request path: a bounded queue ({@code crater.audit.queue-capacity}) emptied every {@code
 * crater.audit.flush-every} by one writer, one multi-row insert per batch of up to {@code
 * crater.audit.batch-size}. A full queue drops the entry: counted ({@code
 * crater_audit_dropped_total}) and logged, never blocking or failing the request. A batch the
 * database refuses is tried again on the next tick. On undeploy and on a JVM shutdown (SIGTERM) the
 * writer stores what waits; a crash or SIGKILL loses what waited, at most one flush interval of
 * entries (and a database outage's worth). Bean-managed transactions: {@link #record} starts none
 * on the request path; each batch is written in a transaction of its own ({@link
 * AuditStore#append}).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class AuditTrail {

  private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

  @EJB private AuditStore store;
  @Inject private AuditSettings settings;
  @Inject private CraterMetrics metrics;
  @Resource private ManagedScheduledExecutorService timer;

  private AuditBuffer buffer;
  private ScheduledFuture<?> writing;
  private final Thread onExit = new Thread(this::flushOnExit, "crater-audit-exit");
  private long droppedLogged;
  private boolean failing;

  @PostConstruct
  void start() {
    buffer = new AuditBuffer(settings.queueCapacity());
    metrics.auditWaiting(buffer::waiting);
    long every = settings.flushEvery().toMillis();
    writing = timer.scheduleWithFixedDelay(this::flush, every, every, TimeUnit.MILLISECONDS);
    Runtime.getRuntime().addShutdownHook(onExit);
  }

  @PreDestroy
  void stop() {
    writing.cancel(false);
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
    } catch (IllegalStateException e) {
      // The JVM is already stopping: the hook runs anyway.
    }
    int waiting = buffer.waiting();
    flush();
    LOG.info(() -> "stopped audit writer waiting=" + waiting + " left=" + buffer.waiting());
  }

  /** Queues an entry for writing; never waits. Returns {@code false} when it was dropped. */
  public boolean record(AuditEntry entry) {
    if (buffer.offer(entry)) {
      return true;
    }
    metrics.auditDropped();
    return false;
  }

  /**
   * Payara Micro stops on SIGTERM without undeploying (no {@code @PreDestroy}): a JVM shutdown hook
   * writes what waits while the server's own hooks stop it, which usually leaves the pool long
   * enough.
   */
  private void flushOnExit() {
    int waiting = buffer.waiting();
    flush();
    LOG.info(() -> "stopped audit writer waiting=" + waiting + " left=" + buffer.waiting());
  }

  /** Writes every batch waiting; the writer's tick. */
  synchronized void flush() {
    try {
      List<AuditEntry> batch;
      do {
        batch = buffer.batch(settings.batchSize());
        store.append(batch);
        buffer.written();
      } while (batch.size() == settings.batchSize());
      recovered();
    } catch (RuntimeException e) {
      failed(e);
    }
    reportDrops();
  }

  private void reportDrops() {
    long dropped = buffer.dropped();
    if (dropped > droppedLogged) {
      long now = dropped - droppedLogged;
      droppedLogged = dropped;
      LOG.warning(
          () -> "dropped audit entries count=" + now + " total=" + dropped + " reason=queue-full");
    }
  }

  private void recovered() {
    if (failing) {
      failing = false;
      LOG.info(() -> "writing audit entries again waiting=" + buffer.waiting());
    }
  }

  private void failed(RuntimeException e) {
    if (!failing) {
      failing = true;
      LOG.warning(
          () ->
              "cannot write audit entries, keeping them waiting="
                  + buffer.waiting()
                  + " cause="
                  + e.getClass().getSimpleName());
    }
  }
}
