package org.crater.ejb.common;

/**
 * Fired once the database schema is at the version this build needs.
 *
 * @param version the version of the last applied migration
 * @param applied how many migrations this start applied
 */
public record SchemaMigrated(String version, int applied) {}
