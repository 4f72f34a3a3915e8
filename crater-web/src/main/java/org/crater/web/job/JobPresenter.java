package org.crater.web.job;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.crater.ejb.reconcile.JobWorkloads;
import org.crater.ejb.scheduler.Scheduler;
import org.crater.model.job.Job;

/**
 * Builds job views with what only the running system knows: queue places and the links of
 * interactive jobs.
 */
@ApplicationScoped
public class JobPresenter {

  @EJB private Scheduler scheduler;
  @EJB private JobWorkloads workloads;

  /** The view of a job its owner (or an administrator) may see. */
  public JobView view(Job job) {
    return JobViews.of(job, scheduler.waiting(job.getId()), workloads.endpoint(job));
  }
}
