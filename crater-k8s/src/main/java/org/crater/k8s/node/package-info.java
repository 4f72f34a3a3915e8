/**
 * The cluster's capacity as Crater's admission scheduler needs it: per node and per GPU model,
 * capacity, allocatable, allocated (by every non-terminated pod bound to the node, Crater's or not)
 * and free. An inventory is an immutable snapshot built from the informer caches.
 */
package org.crater.k8s.node;
