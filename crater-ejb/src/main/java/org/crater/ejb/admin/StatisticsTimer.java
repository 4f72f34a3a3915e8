package org.crater.ejb.admin;

import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.crater.ejb.account.AccountService;
import org.crater.ejb.common.CraterMetrics;
import org.crater.ejb.job.JobService;

/**
 * Refreshes the gauges that are read from the database. Non-persistent, so it fires in every
 * replica: it only reads and every replica exports its own metrics.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class StatisticsTimer {

  private static final Logger LOG = Logger.getLogger(StatisticsTimer.class.getName());

  @EJB private AccountService accounts;
  @EJB private JobService jobs;
  @Inject private CraterMetrics metrics;

  @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
  void refresh() {
    long count = accounts.count();
    metrics.accounts(count);
    metrics.jobs(jobs.countByPhase(null, true));
    metrics.timerRan("statistics");
    LOG.fine(() -> "refreshed statistics accounts=" + count);
  }
}
