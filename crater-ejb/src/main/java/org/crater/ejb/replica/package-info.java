/**
 * The change feed through which a change committed on a replica that does not lead reaches the
 * leader within a fraction of a second. Leadership itself (the Lease and the epoch that fences
 * every write made as leader) lives in {@code org.crater.ejb.node}; the design and the guarantees
 * are in {@code docs/architecture.md} ("Replicas").
 */
package org.crater.ejb.replica;
