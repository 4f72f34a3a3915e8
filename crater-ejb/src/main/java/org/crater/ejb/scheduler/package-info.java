/**
 * The admission scheduler: per-user queues, quota and capacity checks, preemption of best-effort
 * work. The policy classes are pure (a snapshot in, a plan out); {@link
 * org.crater.ejb.scheduler.Scheduler} runs them and {@link org.crater.ejb.scheduler.SchedulerStore}
 * reads the snapshot and commits the plan.
 */
package org.crater.ejb.scheduler;
