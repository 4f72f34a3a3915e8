/**
 * The port the EJB layer talks to: {@link org.crater.k8s.gateway.ClusterGateway} applies a job's
 * desired objects idempotently (409 on create and 404 on delete are success), deletes them, reads
 * the primary pod's log, and reports the observed state from the informer caches. The EJB layer's
 * job reconciler drives it level-triggered from the database (docs/architecture.md, "The
 * reconciler's contract"). Failures surface as the unchecked cluster exceptions of {@code
 * org.crater.k8s.common}.
 */
package org.crater.k8s.gateway;
