/**
 * Accounts as members see them: only accounts the caller belongs to exist for them; administrators
 * manage all accounts under {@code /api/v1/admin/accounts}.
 */
package org.crater.web.account;
