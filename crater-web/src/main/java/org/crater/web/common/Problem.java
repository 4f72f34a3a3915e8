package org.crater.web.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document, the body of every error of the native API.
 *
 * @param type a URI naming the kind of problem, stable per code
 * @param title the HTTP reason phrase
 * @param status the HTTP status
 * @param detail a human-readable explanation, safe to show
 * @param instance the request path
 * @param code a stable, machine-readable error code
 * @param incident an id to find the log line of an unexpected error (500 only)
 * @param errors per-field errors of a rejected request body or query
 */
@Schema(name = "Problem", description = "RFC 9457 problem details with a stable code")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    @Schema(example = "urn:crater:problem:not-found") String type,
    @Schema(example = "Not Found") String title,
    @Schema(example = "404") int status,
    @Schema(example = "No resource at this path.") String detail,
    @Schema(example = "/api/v1/jobs/42") String instance,
    @Schema(example = "not-found") String code,
    String incident,
    List<FieldError> errors) {

  /**
   * One rejected field.
   *
   * @param field the path of the field in the request, e.g. {@code resources.gpu}
   * @param message why it was rejected
   */
  @Schema(name = "FieldError")
  public record FieldError(String field, String message) {}
}
