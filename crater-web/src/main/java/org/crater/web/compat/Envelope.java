package org.crater.web.compat;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The v0.1.0 success envelope: {@code {status: true, error: "", data: ...}}.
 *
 * @param status always true
 * @param error always empty
 * @param data the payload; an empty string where v0.1.0 had nothing to say
 */
@Schema(name = "V010Envelope")
@JsonPropertyOrder({"status", "error", "data"})
public record Envelope<T>(boolean status, String error, T data) {

  public static <T> Envelope<T> of(T data) {
    return new Envelope<>(true, "", data);
  }

  /** The answer of a v0.1.0 command route: {@code data: ""}. */
  public static Envelope<String> done() {
    return of("");
  }
}
