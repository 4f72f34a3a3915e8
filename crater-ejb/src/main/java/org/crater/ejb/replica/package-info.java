/**
 * What several replicas need to act as one: the leadership epoch that fences every write made as
 * leader, the change feed through which a change committed on any replica reaches the leader, and
 * the leader's published view of the queues for the replicas that do not plan. The design and the
 * guarantees are in {@code docs/architecture.md} ("Replicas").
 */
package org.crater.ejb.replica;
