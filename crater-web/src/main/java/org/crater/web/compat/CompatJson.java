package org.crater.web.compat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import org.crater.web.common.JsonProvider;
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
          // Go's decoder refuses 1.5 for an integer too.
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private CompatJson() {}

  /**
   * Binds a request body as it streams in; an empty body binds as {@code {}}.
   *
   * @throws MalformedJsonException when it is not a JSON object of that shape ({@code null}
   *     included)
   */
  public static <T> T parse(InputStream body, Class<T> type) {
    try {
      JsonNode tree = LENIENT.readTree(body);
      if (tree == null || tree.isMissingNode()) {
        tree = LENIENT.createObjectNode();
      }
      if (!tree.isObject()) {
        throw new MalformedJsonException(null, "The body must be a JSON object.");
      }
      return LENIENT.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw JsonProvider.rejected(e);
    } catch (IOException e) {
      throw new MalformedJsonException(null, "The body could not be read.");
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
