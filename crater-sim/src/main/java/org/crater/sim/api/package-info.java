/**
 * A Kubernetes-API-compatible HTTP server over an in-memory store of Gson objects. Stored objects
 * are immutable snapshots (every write stores a fresh copy), all writes happen under one lock, and
 * every write gets the next value of one global resourceVersion.
 */
package org.crater.sim.api;
