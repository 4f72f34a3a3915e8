/**
 * The Crater v0.1.0 routes ({@code /login}, {@code /v1/aitask/*}, {@code /v1/admin/*}...) with the
 * shapes the v0.1.0 web frontend sends and reads, as thin adapters over the native services: a task
 * is a job, a user's quota is their quota in the {@code default} account. Every compat resource is
 * marked {@link org.crater.web.compat.CompatApi}, which turns the native problem documents into the
 * v0.1.0 error bodies and codes. Nothing outside this package depends on it.
 */
package org.crater.web.compat;
