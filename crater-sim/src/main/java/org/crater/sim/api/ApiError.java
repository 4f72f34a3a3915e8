package org.crater.sim.api;

import com.google.gson.JsonObject;

/** A failed API call, rendered as a Kubernetes {@code Status} object with the given HTTP code. */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final String reason;
  private final String kind;
  private final String name;

  public ApiError(int code, String reason, String message) {
    this(code, reason, message, null, null);
  }

  public ApiError(int code, String reason, String message, String kind, String name) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.kind = kind;
    this.name = name;
  }

  public static ApiError notFound(ResourceType type, String name) {
    return new ApiError(
        404,
        "NotFound",
        type.qualifiedPlural() + " \"" + name + "\" not found",
        type.plural(),
        name);
  }

  public static ApiError alreadyExists(ResourceType type, String name) {
    return new ApiError(
        409,
        "AlreadyExists",
        type.qualifiedPlural() + " \"" + name + "\" already exists",
        type.plural(),
        name);
  }

  public static ApiError conflict(ResourceType type, String name) {
    return new ApiError(
        409,
        "Conflict",
        "Operation cannot be fulfilled on "
            + type.qualifiedPlural()
            + " \""
            + name
            + "\": the object has been modified; please apply your changes to the latest version"
            + " and try again",
        type.plural(),
        name);
  }

  public static ApiError invalid(ResourceType type, String name, String detail) {
    return new ApiError(
        422, "Invalid", type.kind() + " \"" + name + "\" is invalid: " + detail, type.kind(), name);
  }

  public static ApiError badRequest(String message) {
    return new ApiError(400, "BadRequest", message);
  }

  public static ApiError gone(String message) {
    return new ApiError(410, "Expired", message);
  }

  public int code() {
    return code;
  }

  /** The Status body a real API server sends for this error. */
  public JsonObject toStatus() {
    JsonObject status = new JsonObject();
    status.addProperty("kind", "Status");
    status.addProperty("apiVersion", "v1");
    status.add("metadata", new JsonObject());
    status.addProperty("status", "Failure");
    status.addProperty("message", getMessage());
    status.addProperty("reason", reason);
    if (kind != null || name != null) {
      JsonObject details = new JsonObject();
      if (name != null) {
        details.addProperty("name", name);
      }
      if (kind != null) {
        details.addProperty("kind", kind);
      }
      status.add("details", details);
    }
    status.addProperty("code", code);
    return status;
  }
}
