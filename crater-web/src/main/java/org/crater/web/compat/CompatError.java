package org.crater.web.compat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A v0.1.0 error body. Enveloped routes answer {@code {status: false, error, errorCode}}; the auth
 * routes and the token checks answer {@code {error, errorCode}} without {@code status}.
 *
 * @param status false on enveloped routes, absent otherwise
 * @param error a message safe to show
 * @param errorCode the v0.1.0 code the frontend acts on (40105: refresh the token, 40107: not
 *     admin)
 */
@Schema(name = "V010Error")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"status", "error", "errorCode"})
public record CompatError(
    Boolean status,
    @Schema(example = "token has expired") String error,
    @Schema(example = "40105") int errorCode) {}
