/**
 * Account use cases. Every method is one transaction; a missing account is an {@link
 * org.crater.ejb.account.AccountNotFoundException}, never {@code null}.
 */
package org.crater.ejb.account;
