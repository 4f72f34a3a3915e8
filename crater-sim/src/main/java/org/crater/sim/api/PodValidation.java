package org.crater.sim.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The pod checks a real API server would fail with 422: containers with a name and an image. */
final class PodValidation {
  private PodValidation() {}

  static void validate(ResourceType t, JsonObject pod, String name) {
    JsonElement containers = Json.at(pod, "spec.containers");
    if (containers == null || !containers.isJsonArray() || containers.getAsJsonArray().isEmpty()) {
      throw ApiError.invalid(t, name, "spec.containers: Required value");
    }
    JsonArray list = containers.getAsJsonArray();
    for (int i = 0; i < list.size(); i++) {
      JsonElement c = list.get(i);
      if (!c.isJsonObject()) {
        throw ApiError.invalid(
            t, name, "spec.containers[" + i + "]: Invalid value: must be an object");
      }
      if (Json.str(c.getAsJsonObject(), "name") == null) {
        throw ApiError.invalid(t, name, "spec.containers[" + i + "].name: Required value");
      }
      if (Json.str(c.getAsJsonObject(), "image") == null) {
        throw ApiError.invalid(t, name, "spec.containers[" + i + "].image: Required value");
      }
      JsonElement resources = c.getAsJsonObject().get("resources");
      if (resources != null && !resources.isJsonObject()) {
        throw ApiError.invalid(
            t, name, "spec.containers[" + i + "].resources: Invalid value: must be an object");
      }
    }
  }
}
