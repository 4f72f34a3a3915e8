package org.crater.web.notify;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Marks all the caller's notifications read.
 *
 * @param all must be true
 */
@Schema(name = "ReadAll")
public record ReadAll(@NotNull @AssertTrue @Schema(example = "true") Boolean all) {}
