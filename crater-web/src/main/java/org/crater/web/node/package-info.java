/**
 * The cluster's nodes and GPUs, read from the informer cache: capacity, allocatable, allocated and
 * free per node and per GPU model, readiness, and the pods on each node.
 */
package org.crater.web.node;
