/**
 * Accounts: the projects or teams whose members share a slice of the cluster. Account names are
 * DNS-1123 labels and never change; the {@code default} account always exists.
 */
package org.crater.model.account;
