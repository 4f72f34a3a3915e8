package org.crater.sim.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.Set;

/**
 * The pod checks a real API server would fail with 422: containers with a name and an image,
 * quantities that parse, and volume mounts at distinct absolute paths with sub-paths that stay
 * inside their volume; and the 403 of its RuntimeClass admission for an overhead of any kind.
 * Volcano's admission webhook applies the mount checks to task templates.
 */
final class PodValidation {
  private PodValidation() {}

  /** Every {@code limits} and {@code requests} value must be a quantity, as on a real server. */
  static void checkQuantities(ResourceType t, String name, JsonObject resources, String path) {
    for (String part : new String[] {"limits", "requests"}) {
      JsonElement list = resources.get(part);
      if (list == null || list.isJsonNull()) {
        continue;
      }
      if (!list.isJsonObject()) {
        throw ApiError.invalid(t, name, path + "." + part + ": Invalid value: must be a map");
      }
      for (var e : list.getAsJsonObject().entrySet()) {
        if (!validQuantity(e.getValue())) {
          throw ApiError.invalid(
              t,
              name,
              path
                  + "."
                  + part
                  + "["
                  + e.getKey()
                  + "]: Invalid value: "
                  + e.getValue()
                  + ": quantities must match the regular expression"
                  + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
        }
      }
    }
  }

  /**
   * The RuntimeClass admission plugin of a real API server refuses any {@code spec.overhead}, even
   * an empty one, in a pod it creates without a RuntimeClass that defines it (client-java sends
   * {@code {}} for a field it was never given). There are no RuntimeClasses here. On create only,
   * as the plugin: an update may send back what client-java read, and the API server treats an
   * empty overhead as equal to none when it compares the immutable spec.
   */
  static void checkOverheadOnCreate(ResourceType t, JsonObject pod, String name) {
    JsonElement overhead = Json.at(pod, "spec.overhead");
    if (overhead != null && !overhead.isJsonNull()) {
      throw new ApiError(
          403,
          "Forbidden",
          t.plural()
              + " \""
              + name
              + "\" is forbidden: pod rejected: Pod Overhead set without corresponding"
              + " RuntimeClass defined Overhead",
          t.plural(),
          name);
    }
  }

  private static boolean validQuantity(JsonElement value) {
    if (!value.isJsonPrimitive()) {
      return false;
    }
    try {
      return Quantities.milli(value.getAsString()) >= 0;
    } catch (RuntimeException e) {
      return false;
    }
  }

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
      if (resources != null) {
        checkQuantities(
            t, name, resources.getAsJsonObject(), "spec.containers[" + i + "].resources");
      }
    }
    checkMounts(t, name, Json.at(pod, "spec"), "spec");
  }

  /** The mounts of every container of a pod spec: as {@code ValidateVolumeMounts} has them. */
  static void checkMounts(ResourceType t, String name, JsonElement podSpec, String path) {
    if (podSpec == null || !podSpec.isJsonObject()) {
      return;
    }
    JsonElement containers = Json.at(podSpec.getAsJsonObject(), "containers");
    if (containers == null || !containers.isJsonArray()) {
      return;
    }
    for (int i = 0; i < containers.getAsJsonArray().size(); i++) {
      JsonElement c = containers.getAsJsonArray().get(i);
      JsonElement mounts = c.isJsonObject() ? c.getAsJsonObject().get("volumeMounts") : null;
      if (mounts == null || !mounts.isJsonArray()) {
        continue;
      }
      Set<String> seen = new HashSet<>();
      for (int m = 0; m < mounts.getAsJsonArray().size(); m++) {
        String at = path + ".containers[" + i + "].volumeMounts[" + m + "]";
        JsonElement mount = mounts.getAsJsonArray().get(m);
        String mountPath =
            mount.isJsonObject() ? Json.str(mount.getAsJsonObject(), "mountPath") : null;
        String subPath = mount.isJsonObject() ? Json.str(mount.getAsJsonObject(), "subPath") : null;
        String refusal = mountRefusal(mountPath, seen);
        if (refusal != null) {
          throw ApiError.invalid(t, name, at + ".mountPath: " + refusal);
        }
        if (subPath != null && !subPath.isEmpty() && !descends(subPath)) {
          throw ApiError.invalid(
              t,
              name,
              at
                  + ".subPath: Invalid value: \""
                  + subPath
                  + "\": must be a relative path"
                  + " without '..'");
        }
      }
    }
  }

  private static String mountRefusal(String mountPath, Set<String> seen) {
    if (mountPath == null || mountPath.isEmpty()) {
      return "Required value";
    }
    // The runtime takes only absolute mount destinations; the simulator refuses the rest at once.
    if (!mountPath.startsWith("/")) {
      return "Invalid value: \"" + mountPath + "\": must be an absolute path";
    }
    if (!seen.add(mountPath)) {
      return "Invalid value: \"" + mountPath + "\": must be unique";
    }
    return null;
  }

  private static boolean descends(String subPath) {
    if (subPath.startsWith("/")) {
      return false;
    }
    for (String segment : subPath.split("/")) {
      if (segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /** The shape checks Volcano's admission webhook makes on {@code spec.tasks}. */
  static void validateVolcanoJob(ResourceType t, JsonObject job, String name) {
    JsonElement tasks = Json.at(job, "spec.tasks");
    if (tasks == null) {
      return;
    }
    if (!tasks.isJsonArray()) {
      throw ApiError.invalid(t, name, "spec.tasks: Invalid value: must be a list");
    }
    for (int i = 0; i < tasks.getAsJsonArray().size(); i++) {
      JsonElement task = tasks.getAsJsonArray().get(i);
      String path = "spec.tasks[" + i + "]";
      if (!task.isJsonObject() || Json.str(task.getAsJsonObject(), "name") == null) {
        throw ApiError.invalid(t, name, path + ".name: Required value");
      }
      JsonElement replicas = task.getAsJsonObject().get("replicas");
      if (replicas != null
          && (!replicas.isJsonPrimitive()
              || !replicas.getAsJsonPrimitive().isNumber()
              || replicas.getAsInt() < 0)) {
        throw ApiError.invalid(t, name, path + ".replicas: Invalid value: must be >= 0");
      }
      JsonElement template = task.getAsJsonObject().get("template");
      if (template != null && !template.isJsonObject()) {
        throw ApiError.invalid(t, name, path + ".template: Invalid value: must be an object");
      }
      if (template != null) {
        checkMounts(t, name, template.getAsJsonObject().get("spec"), path + ".template.spec");
      }
    }
  }
}
