/**
 * Cluster-wide views for administrators: statistics across users and accounts, refreshed by a
 * non-persistent timer that only reads.
 */
package org.crater.ejb.admin;
