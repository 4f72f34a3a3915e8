package org.crater.web.common;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The reason phrase of every status Crater answers with: JAX-RS's, plus the ones it lacks (RFC 9110
 * names 422 "Unprocessable Content"), so that no problem title reads "HTTP 422".
 */
public final class StatusPhrases {

  /** Statuses Crater sends that JAX-RS or the HTTP server has no phrase for. */
  static final Map<Integer, String> MISSING =
      Map.of(422, "Unprocessable Content", 429, "Too Many Requests");

  private StatusPhrases() {}

  /** The reason phrase of {@code status}, or {@code "HTTP <status>"} for one nobody named. */
  public static String of(int status) {
    String missing = MISSING.get(status);
    if (missing != null) {
      return missing;
    }
    Response.StatusType type = Response.Status.fromStatusCode(status);
    return type != null ? type.getReasonPhrase() : "HTTP " + status;
  }
}
