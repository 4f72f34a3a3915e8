package org.crater.model.job;

/** A phase change the transition table does not allow: a bug in the caller, never a user error. */
public class IllegalJobTransitionException extends IllegalStateException {

  public IllegalJobTransitionException(long jobId, JobPhase from, JobPhase to) {
    super("job " + jobId + " cannot move from " + from.label() + " to " + to.label());
  }
}
