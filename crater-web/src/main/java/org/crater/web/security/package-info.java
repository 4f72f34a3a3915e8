/**
 * Who is calling: the bearer-token filter (every route needs a token unless marked {@link
 * org.crater.web.security.Public}; admin routes are marked {@link
 * org.crater.web.security.AdminOnly}), the request's {@link org.crater.web.security.CurrentUser},
 * and the development-mode debug header and CORS. Depends on no other web package, so every feature
 * may use it.
 */
package org.crater.web.security;
