package org.crater.k8s.gateway;

import org.crater.k8s.workload.ObservedWorkload;

/**
 * Port implemented by the EJB layer: records what the cluster shows for the desired attempt (phase,
 * exit code, preemption). Called on every reconcile, so implementations compare with the stored
 * state and write only changes, in their own transaction.
 */
@FunctionalInterface
public interface ObservationSink {

  /** The current observation of the job's desired attempt. */
  void observed(ObservedWorkload workload);
}
