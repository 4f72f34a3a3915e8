package org.crater.model.job;

/** What a job is for, as Crater v0.1.0 classified tasks. */
public enum TaskType {
  TRAINING,
  DEBUGGING,
  INFERENCE,
  EXPERIMENT
}
