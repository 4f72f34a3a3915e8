package org.crater.k8s.informer;

/**
 * The key of one unit of reconcile work: a job id. It carries no state, so repeated events for the
 * same job collapse into one queued request, and the reconciler always reads the current desired
 * and observed state.
 *
 * @param jobId the job's database id
 */
public record Request(long jobId) {}
