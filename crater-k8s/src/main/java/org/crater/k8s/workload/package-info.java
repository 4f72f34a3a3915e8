/**
 * The adapter's own vocabulary for a job's cluster workload: what Crater wants ({@link
 * org.crater.k8s.workload.WorkloadSpec}), what the cluster shows ({@link
 * org.crater.k8s.workload.ObservedWorkload}), and the deterministic names and labels that tie the
 * two together. Records only; no client calls.
 */
package org.crater.k8s.workload;
