/**
 * Resource vectors: amounts per resource name in canonical units (cpu in millicores, memory in
 * bytes, everything else as a count). Parsing and printing Kubernetes quantities happens outside
 * this module.
 */
package org.crater.model.quota;
