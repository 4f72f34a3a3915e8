/**
 * Pod-level desired objects and observation: the pod template every replica runs with (requests
 * equal limits, {@code /dev/shm} in memory, PVC mounts, priority class), the Jupyter Service, and
 * the mapping of a Pod's status to a phase, exit code and preemption flag. Pure functions over
 * client-java models.
 */
package org.crater.k8s.pod;
