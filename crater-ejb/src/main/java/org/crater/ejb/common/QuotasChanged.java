package org.crater.ejb.common;

/**
 * Fired inside the transaction that changed an account's quota or expiry, or a membership. The
 * scheduler plans a pass after the commit: more quota may admit waiting jobs.
 *
 * @param account the account whose limits changed
 */
public record QuotasChanged(String account) {}
