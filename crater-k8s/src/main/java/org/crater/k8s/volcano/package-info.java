/**
 * Volcano ({@code batch.volcano.sh/v1alpha1}) jobs for multi-replica and gang workloads, kept as
 * Gson {@code JsonObject}s inside {@code DynamicKubernetesObject} rather than generated models, so
 * unknown fields from a newer Volcano never break reads and integers stay integers (pitfalls
 * "unknown fields" and "numbers as doubles" in docs/architecture.md).
 */
package org.crater.k8s.volcano;
