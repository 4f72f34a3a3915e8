package org.crater.ejb.common;

/**
 * What this running instance is.
 *
 * @param version the Crater build version
 * @param schemaVersion the database schema version it migrated to
 */
public record SystemInfo(String version, String schemaVersion) {}
