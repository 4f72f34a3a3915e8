/**
 * The v0.1.0 public routes: {@code POST /login}, {@code /signup}, {@code /refresh} and {@code GET
 * /v1/healthz}. They answer bare objects, as v0.1.0 did. Sign-up never creates an administrator.
 */
package org.crater.web.compat.auth;
