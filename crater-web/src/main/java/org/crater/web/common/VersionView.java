package org.crater.web.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What this Crater instance runs.
 *
 * @param version the build version
 * @param schemaVersion the database schema version
 * @param api the native API version
 */
@Schema(name = "Version")
public record VersionView(
    @Schema(example = "1.0.0") String version,
    @Schema(example = "1") String schemaVersion,
    @Schema(example = "v1") String api) {}
