/**
 * Volcano ({@code batch.volcano.sh/v1alpha1}) jobs for multi-replica and gang workloads, kept as
 * Gson {@code JsonObject}s inside {@code DynamicKubernetesObject} rather than generated models, so
 * unknown fields from a newer Volcano never break reads (pitfall P1) and integers stay integers
 * (P4).
 */
package org.crater.k8s.volcano;
