package org.crater.web.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The golden shapes of the v0.1.0 answers: every key the v0.1.0 backend sent, with the JSON types
 * the v0.1.0 frontend reads ({@code string|null} where Go sent a nil pointer).
 */
final class V010Shapes {

  static final Map<String, String> TOKENS =
      shape("accessToken", "string", "refreshToken", "string", "role", "string");
  static final Map<String, String> REFRESHED =
      shape("accessToken", "string", "refreshToken", "string");
  static final Map<String, String> BARE_ERROR = shape("error", "string", "errorCode", "number");
  static final Map<String, String> ENVELOPE_ERROR =
      shape("status", "boolean", "error", "string", "errorCode", "number");
  static final Map<String, String> QUOTA =
      shape("user", "string", "hard", "object", "hardUsed", "object", "softUsed", "object");
  static final Map<String, String> STATUS_COUNT = shape("Status", "string", "Count", "number");
  static final Map<String, String> USER =
      shape(
          "userID", "number",
          "userName", "string",
          "role", "string",
          "quotaHard", "object|null",
          "createdAt", "string",
          "updatedAt", "string");
  static final Map<String, String> TASK =
      shape(
          "id", "number",
          "taskName", "string",
          "userName", "string",
          "nameSpace", "string",
          "taskType", "string",
          "createdAt", "string",
          "updatedAt", "string",
          "admittedAt", "string|null",
          "startedAt", "string|null",
          "finishAt", "string|null",
          "duration", "number",
          "jct", "number",
          "image", "string",
          "resourceRequest", "string",
          "workingDir", "string",
          "shareDirs", "string",
          "command", "string",
          "args", "string",
          "slo", "number",
          "status", "string",
          "statusReason", "string",
          "jobName", "string",
          "isDeleted", "boolean",
          "profileStatus", "number",
          "profileStat", "string",
          "estimatedTime", "number",
          "scheduleInfo", "string");

  /** The task statuses the v0.1.0 frontend knows. */
  static final List<String> STATUSES =
      List.of("Queueing", "Created", "Pending", "Running", "Preempted", "Succeeded", "Failed");

  private V010Shapes() {}

  private static Map<String, String> shape(String... keysAndTypes) {
    Map<String, String> shape = new LinkedHashMap<>();
    for (int i = 0; i < keysAndTypes.length; i += 2) {
      shape.put(keysAndTypes[i], keysAndTypes[i + 1]);
    }
    return shape;
  }

  /** Asserts that the node has exactly the golden keys, each of one of its golden types. */
  static void assertShape(JsonNode node, Map<String, String> golden) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).as("keys of %s", node).containsExactlyInAnyOrderElementsOf(golden.keySet());
    golden.forEach(
        (key, types) ->
            assertThat(List.of(types.split("\\|")))
                .as("type of %s in %s", key, node)
                .contains(type(node.get(key))));
  }

  /** Asserts the v0.1.0 success envelope and returns its data. */
  static JsonNode data(JsonNode envelope) {
    assertThat(envelope.path("status").isBoolean() && envelope.path("status").asBoolean())
        .as("envelope %s", envelope)
        .isTrue();
    assertThat(envelope.path("error").asText()).isEmpty();
    assertThat(envelope.has("data")).isTrue();
    return envelope.path("data");
  }

  static String type(JsonNode value) {
    return switch (value.getNodeType()) {
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      case OBJECT -> "object";
      case ARRAY -> "array";
      default -> value.getNodeType().name();
    };
  }
}
