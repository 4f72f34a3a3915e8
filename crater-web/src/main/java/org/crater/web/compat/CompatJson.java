package org.crater.web.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.crater.web.common.MalformedJsonException;

/**
 * JSON as v0.1.0 read and wrote it. Bodies bind like Go's decoder: keys match case-insensitively
 * ({@code username} fills {@code userName}) and unknown keys are ignored. Some v0.1.0 fields carry
 * JSON text inside a string ({@code resourceRequest}, {@code shareDirs}), written by {@link #text}.
 */
public final class CompatJson {

  private static final ObjectMapper LENIENT =
      JsonMapper.builder()
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private CompatJson() {}

  /**
   * Binds a request body; an empty body binds as {@code {}}.
   *
   * @throws MalformedJsonException when it is not JSON of that shape
   */
  public static <T> T parse(String body, Class<T> type) {
    try {
      return LENIENT.readValue(body == null || body.isBlank() ? "{}" : body, type);
    } catch (JsonProcessingException e) {
      throw MalformedJsonException.of(e);
    }
  }

  /** The value as JSON text, for the v0.1.0 fields that hold JSON in a string. */
  public static String text(Object value) {
    try {
      return LENIENT.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }
}
