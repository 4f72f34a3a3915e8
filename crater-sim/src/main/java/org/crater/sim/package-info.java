/**
 * The simulated GPU cluster: configuration, the in-process {@code SimCluster} handle and the {@code
 * SimMain} command line. One cluster is one API server plus its node, scheduler, kubelet and
 * Volcano actors, all in this JVM.
 */
package org.crater.sim;
