/**
 * The cluster as Crater sees it: the connection to the Kubernetes API (kubeconfig, URL or
 * in-cluster), the informer cache and node inventory from {@code crater-k8s}, and the Lease that
 * elects one leader among replicas. Threads come from the container. Without a configured cluster,
 * these features answer 503 and everything else works.
 */
package org.crater.ejb.node;
