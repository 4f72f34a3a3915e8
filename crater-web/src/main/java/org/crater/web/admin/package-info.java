/**
 * Administration of users, accounts and datasets. Every route here is {@link
 * org.crater.web.security.AdminOnly}: any other caller gets 403.
 */
package org.crater.web.admin;
