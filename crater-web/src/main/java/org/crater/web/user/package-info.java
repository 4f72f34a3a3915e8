/** How users are shown over HTTP: never with their password hash. */
package org.crater.web.user;
