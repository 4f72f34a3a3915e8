/**
 * The people who use Crater. Usernames are DNS-1123 labels fixed at creation; a password is only
 * ever held as a hash; a disabled user keeps their data but can neither log in nor refresh a token.
 */
package org.crater.model.user;
