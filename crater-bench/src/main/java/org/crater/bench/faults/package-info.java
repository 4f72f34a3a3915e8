/**
 * Fault tests run on demand against a freshly started Crater: a dependency fails in the middle of a
 * burst of submissions, and afterwards every accepted job must exist exactly once, none may have
 * two live cluster objects, all must reach their end within 30 s, and clients must have had clear
 * answers (201, or 503 with {@code Retry-After}) rather than hangs or 500s. Traffic stays on
 * 127.0.0.1; every run is bounded in time.
 */
package org.crater.bench.faults;
