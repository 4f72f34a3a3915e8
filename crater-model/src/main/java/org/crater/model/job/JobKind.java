package org.crater.model.job;

/** What a job runs as: one pod, a notebook pod with its Service, or a distributed gang. */
public enum JobKind {
  BATCH,
  JUPYTER,
  PYTORCH,
  TENSORFLOW
}
