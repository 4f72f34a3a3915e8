package org.crater.web.policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An owner's request for more run time.
 *
 * @param hours how many hours more (1 to {@code crater.policies.max-extension-hours})
 * @param reason why the job needs them (at most 1024 characters)
 */
@Schema(name = "ExtensionRequest")
public record ExtensionRequest(@Schema(example = "4") Integer hours, String reason) {}
