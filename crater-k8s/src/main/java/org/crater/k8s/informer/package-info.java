/**
 * Level-triggered reconciliation plumbing on plain client-java: informers over pods, Volcano jobs
 * and nodes ({@link org.crater.k8s.informer.ClusterCache}), a de-duplicating, rate-limited {@link
 * org.crater.k8s.informer.WorkQueue} with client-go semantics, and a {@link
 * org.crater.k8s.informer.Controller} that runs a {@link org.crater.k8s.informer.Reconciler} on
 * threads from an injected factory. A key is never processed by two workers at once.
 */
package org.crater.k8s.informer;
