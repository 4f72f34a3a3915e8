/**
 * Leader election on a {@code coordination.k8s.io/v1} Lease, so that only one backend replica runs
 * the scheduler, reconcilers and timers. Writes use the Lease's resourceVersion (optimistic
 * concurrency): a 409 means another candidate won the round. A leader that cannot renew within the
 * renew deadline steps down.
 */
package org.crater.k8s.lease;
