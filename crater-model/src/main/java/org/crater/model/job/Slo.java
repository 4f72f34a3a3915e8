package org.crater.model.job;

/**
 * The service level: GUARANTEED work runs only within quota and is never preempted; BEST_EFFORT
 * work may run beyond quota on idle capacity and gives way to guaranteed work. v0.1.0 wrote them as
 * 1 and 0.
 */
public enum Slo {
  BEST_EFFORT,
  GUARANTEED
}
