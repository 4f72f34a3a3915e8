/**
 * Authentication: bcrypt password hashes, HS256 JWT access and refresh tokens with a pinned
 * algorithm, refresh rotation with reuse detection, login throttling, and the first administrator.
 * Nothing here ever logs a password or a token.
 */
package org.crater.ejb.auth;
