/**
 * Keeps the cluster in line with the jobs in the database and the jobs in line with what the
 * cluster shows: a level-triggered controller (informer events, a work queue keyed by job id, a
 * periodic resync) on container threads, gated by leadership.
 */
package org.crater.ejb.reconcile;
