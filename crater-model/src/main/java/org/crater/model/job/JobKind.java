package org.crater.model.job;

/**
 * What a job runs as: one pod, an interactive server (a notebook, a VS Code in the browser) with
 * its Service, or a distributed gang. How the cluster runs each kind is its {@code WorkloadKind} in
 * crater-k8s; a test checks the two agree, {@link #interactive()} included.
 */
public enum JobKind {
  BATCH(false),
  JUPYTER(true),
  PYTORCH(false),
  TENSORFLOW(false),
  WEBIDE(true);

  private final boolean interactive;

  JobKind(boolean interactive) {
    this.interactive = interactive;
  }

  /**
   * Whether its owner opens it with a URL and a secret that Crater makes and keeps with the job.
   */
  public boolean interactive() {
    return interactive;
  }
}
