package org.crater.web.notify;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Marks a notification read or unread.
 *
 * @param read true: read; false: unread again
 */
@Schema(name = "ReadChange")
public record ReadChange(@NotNull @Schema(example = "true") Boolean read) {}
