/**
 * Cluster policies: per-account limits with a cluster default (run time, queueing time, idle GPU
 * reclamation, auto-approved extensions), what the policy checks have done to a job, and owners'
 * requests for more run time.
 */
package org.crater.model.policy;
