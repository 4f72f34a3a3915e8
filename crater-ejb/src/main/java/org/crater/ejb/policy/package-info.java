/**
 * Cluster policies: per-account limits with a cluster default, the leader's periodic checks that
 * warn and stop jobs by them (run time, queueing time, idle GPUs), and extension requests. The
 * decisions are pure ({@link org.crater.ejb.policy.PolicyDecisions}); the checks' contract is in
 * docs/architecture.md, "The policy checks' contract".
 */
package org.crater.ejb.policy;
