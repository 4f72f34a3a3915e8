package org.crater.web.policy;

import java.time.Instant;
import org.crater.model.policy.Extension;
import org.crater.model.policy.ExtensionState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An extension request and its decision.
 *
 * @param decidedBy the administrator, or {@code policy} when the account's auto-approval approved
 *     it
 */
@Schema(name = "Extension")
public record ExtensionView(
    long id,
    long jobId,
    int hours,
    String reason,
    ExtensionState state,
    String requestedBy,
    Instant requestedAt,
    String decidedBy,
    Instant decidedAt,
    String decisionMessage) {

  static ExtensionView of(Extension extension) {
    return new ExtensionView(
        extension.getId(),
        extension.getJobId(),
        extension.getHours(),
        extension.getReason(),
        extension.getState(),
        extension.getRequestedBy(),
        extension.getRequestedAt(),
        extension.getDecidedBy(),
        extension.getDecidedAt(),
        extension.getDecisionMessage());
  }
}
