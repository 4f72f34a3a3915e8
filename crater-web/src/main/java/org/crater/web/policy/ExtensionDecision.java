package org.crater.web.policy;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An administrator's word on an extension request.
 *
 * @param message what the owner reads with the decision (optional)
 */
@Schema(name = "ExtensionDecision")
public record ExtensionDecision(@Size(max = 1024) String message) {}
