package org.crater.k8s.lease;

/**
 * Told when this candidate gains and loses leadership. Called on the elector's scheduler thread:
 * return quickly and hand real work to another executor.
 */
public interface LeadershipListener {

  /** This candidate now holds the Lease. */
  void onStartedLeading();

  /** This candidate no longer holds the Lease (lost, released or stopped). */
  void onStoppedLeading();

  /** A listener that does nothing, for callers that only poll {@code isLeader()}. */
  static LeadershipListener none() {
    return new LeadershipListener() {
      @Override
      public void onStartedLeading() {}

      @Override
      public void onStoppedLeading() {}
    };
  }
}
