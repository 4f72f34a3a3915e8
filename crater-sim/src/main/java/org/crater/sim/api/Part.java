package org.crater.sim.api;

/**
 * Which part of an object an update may change: the main resource (all but status), the status
 * subresource (only status), or the whole object (what the server itself does on a binding).
 */
enum Part {
  MAIN,
  STATUS,
  WHOLE
}
