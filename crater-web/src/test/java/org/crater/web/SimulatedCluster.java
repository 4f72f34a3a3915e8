package org.crater.web;

import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.crater.sim.actor.NodePool;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One simulated GPU cluster for the whole integration-test run, on the fixed port the Payara Micro
 * instances under test are configured with ({@code crater.it.sim.port}, set by failsafe only).
 * Three A100 nodes and one V100 node with 8 GPUs each, one T4 node with 4 (kept for the tests that
 * need a node of their own); the jobs namespace {@code crater-jobs}. Pods run 30 s unless their
 * command says otherwise ({@code sleep N}, {@code exit N}).
 */
public class SimulatedCluster implements LauncherSessionListener {

  private static volatile SimCluster cluster;

  /** The running cluster, for tests that inject faults (a node going down). */
  public static SimCluster current() {
    if (cluster == null) {
      throw new IllegalStateException("no simulated cluster: crater.it.sim.port is not set");
    }
    return cluster;
  }

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String port = System.getProperty("crater.it.sim.port");
    if (port == null || cluster != null) {
      return;
    }
    cluster =
        SimCluster.start(
            SimConfig.builder()
                .port(Integer.parseInt(port))
                .nodePool(NodePool.parse("3:A100:8", "64", "512Gi"))
                .nodePool(NodePool.parse("1:V100:8", "32", "256Gi"))
                .nodePool(NodePool.parse("1:T4:4", "16", "128Gi"))
                .namespace("crater-jobs")
                .build());
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
  }
}
