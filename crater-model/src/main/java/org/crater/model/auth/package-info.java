/**
 * Refresh tokens as the server remembers them: each is used at most once, and every token of a
 * family descends from one login, so a reused token can revoke the whole family.
 */
package org.crater.model.auth;
