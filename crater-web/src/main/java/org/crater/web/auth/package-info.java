/** The auth routes: login, token refresh, logout, sign-up and the caller's own profile. */
package org.crater.web.auth;
