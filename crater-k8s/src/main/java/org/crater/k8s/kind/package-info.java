/**
 * Job kinds as the cluster runs them: the {@link org.crater.k8s.kind.WorkloadKind} interface, one
 * sub-package per kind, and the one registration {@link org.crater.k8s.kind.WorkloadKinds}. Depends
 * on nothing else of Crater, so every other package of crater-k8s may use it.
 */
package org.crater.k8s.kind;
