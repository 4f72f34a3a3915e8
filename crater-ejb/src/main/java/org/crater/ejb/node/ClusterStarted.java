package org.crater.ejb.node;

/**
 * Fired once {@link Cluster} has started (connected, or found that no cluster is configured). Until
 * then nothing outside the EJB container may call it: a call from another thread, such as a
 * readiness probe arriving while the deployment is still starting its singletons, would initialise
 * them on that thread, racing the container (Payara then fails the deployment).
 */
public record ClusterStarted() {}
