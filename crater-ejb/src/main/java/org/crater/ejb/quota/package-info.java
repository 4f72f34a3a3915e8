/**
 * Quotas: resource vectors parsed from and printed as Kubernetes quantities, and each member's
 * limit and usage per account. Usage counts the resources held by work that holds quota.
 */
package org.crater.ejb.quota;
