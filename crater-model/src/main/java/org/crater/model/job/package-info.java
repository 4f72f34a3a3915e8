/**
 * Jobs and their life cycle. A job's phase changes only through {@link org.crater.model.job.Job}'s
 * methods, each checked against the one transition table in {@link org.crater.model.job.JobPhase};
 * an illegal move is a bug and throws. Every move leaves a {@link org.crater.model.job.JobEvent}.
 */
package org.crater.model.job;
