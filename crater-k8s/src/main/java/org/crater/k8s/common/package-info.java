/**
 * Shared plumbing of the cluster adapter: client construction, error translation into the two
 * unchecked cluster exceptions, Crater's label keys, quantity arithmetic on client-java's {@code
 * Quantity}, and default thread factories. Nothing here holds cluster state.
 */
package org.crater.k8s.common;
