/**
 * In-process actors that make the API server behave like a GPU cluster: nodes, a gang-aware
 * preempting scheduler, a kubelet and a minimal Volcano Job controller. Each actor consumes the
 * store's event stream on its own thread and writes through the store, never under its lock.
 */
package org.crater.sim.actor;
