/**
 * The v0.1.0 administration routes ({@code /v1/admin/*}), for administrators only: anyone else gets
 * v0.1.0's 40107. A user's v0.1.0 quota is their quota in the {@code default} account.
 */
package org.crater.web.compat.admin;
