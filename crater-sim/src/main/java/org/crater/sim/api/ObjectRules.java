package org.crater.sim.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The API server's object rules: defaults on create, validation, and what an update may change. */
final class ObjectRules {
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ObjectRules() {}

  /** A validated copy of a create body with kind, apiVersion, namespace and defaults filled in. */
  static JsonObject prepareCreate(ResourceType t, String ns, JsonObject body) {
    JsonObject obj = body.deepCopy();
    checkTypeFields(t, obj);
    JsonObject meta = requireObject(t, obj, "metadata");
    if (t.namespaced()) {
      String given = Json.str(obj, "metadata.namespace");
      if (given != null && !given.isEmpty() && !given.equals(ns)) {
        throw ApiError.badRequest(
            "the namespace of the provided object does not match the namespace sent on the"
                + " request");
      }
      meta.addProperty("namespace", ns);
    } else {
      meta.remove("namespace");
    }
    meta.addProperty("uid", UUID.randomUUID().toString());
    meta.addProperty("creationTimestamp", Json.now());
    meta.addProperty("generation", 1);
    meta.remove("deletionTimestamp");
    meta.remove("deletionGracePeriodSeconds");
    meta.remove("resourceVersion");
    applyCreateDefaults(t, obj);
    validate(t, obj);
    if (t.equals(ResourceRegistry.PODS)) {
      PodValidation.checkOverheadOnCreate(t, obj, Json.str(obj, "metadata.name"));
    }
    return obj;
  }

  /**
   * Gives a pod without a priority of its own the value of its PriorityClass, when that exists
   * ({@code priorityClasses} finds one by name, null when there is none).
   */
  static void resolvePriority(JsonObject pod, Function<String, JsonObject> priorityClasses) {
    JsonObject spec = Json.child(pod, "spec");
    String className = Json.str(pod, "spec.priorityClassName");
    if (className != null && !spec.has("priority")) {
      JsonObject pc = priorityClasses.apply(className);
      if (pc != null) {
        spec.addProperty("priority", Json.num(pc, "value", 0));
      }
    }
  }

  /** Fills metadata.name from generateName when needed and returns the name. */
  static String assignName(JsonObject obj, Predicate<String> taken) {
    JsonObject meta = Json.meta(obj);
    String name = Json.str(obj, "metadata.name");
    if (name != null && !name.isEmpty()) {
      return name;
    }
    String prefix = Json.str(obj, "metadata.generateName");
    String candidate;
    do {
      StringBuilder b = new StringBuilder(prefix);
      for (int i = 0; i < 5; i++) {
        b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
      candidate = b.toString();
    } while (taken.test(candidate));
    meta.addProperty("name", candidate);
    return candidate;
  }

  private static void applyCreateDefaults(ResourceType t, JsonObject obj) {
    if (t.equals(ResourceRegistry.PODS)) {
      JsonObject spec = Json.child(obj, "spec");
      if (!spec.has("schedulerName")) {
        spec.addProperty("schedulerName", "default-scheduler");
      }
      JsonObject status = new JsonObject();
      status.addProperty("phase", "Pending");
      status.addProperty("qosClass", QosClass.of(obj));
      obj.add("status", status);
    } else if (t.equals(ResourceRegistry.NAMESPACES)) {
      JsonObject status = new JsonObject();
      status.addProperty("phase", "Active");
      obj.add("status", status);
    }
  }

  private static void checkTypeFields(ResourceType t, JsonObject obj) {
    String kind = Json.str(obj, "kind");
    String apiVersion = Json.str(obj, "apiVersion");
    if (kind != null && !kind.isEmpty() && !kind.equals(t.kind())) {
      throw ApiError.badRequest("the kind " + kind + " does not match the URL's " + t.kind());
    }
    if (apiVersion != null && !apiVersion.isEmpty() && !apiVersion.equals(t.apiVersion())) {
      throw ApiError.badRequest(
          "the apiVersion " + apiVersion + " does not match the URL's " + t.apiVersion());
    }
    obj.addProperty("kind", t.kind());
    obj.addProperty("apiVersion", t.apiVersion());
  }

  /**
   * The stored result of an update. The main resource keeps the old status; the status subresource
   * keeps everything but status. Identity fields never change; generation grows when spec changes.
   */
  static JsonObject merge(ResourceType t, JsonObject old, JsonObject candidate, Part part) {
    String name = Json.name(old);
    checkTypeFields(t, candidate);
    requireObject(t, candidate, "metadata");
    String givenName = Json.str(candidate, "metadata.name");
    if (givenName != null && !givenName.equals(name)) {
      throw ApiError.badRequest(
          "the name of the object (" + givenName + ") does not match the name on the URL");
    }
    String givenRv = Json.str(candidate, "metadata.resourceVersion");
    if (givenRv != null
        && !givenRv.isEmpty()
        && !givenRv.equals(Json.str(old, "metadata.resourceVersion"))) {
      throw ApiError.conflict(t, name);
    }
    JsonObject next;
    if (part == Part.STATUS) {
      next = old.deepCopy();
      copyOrRemove(candidate, next, "status");
    } else {
      next = candidate;
      if (part == Part.MAIN && t.statusSubresource()) {
        copyOrRemove(old, next, "status");
      }
      keepIdentity(old, next);
      if (!java.util.Objects.equals(old.get("spec"), next.get("spec"))) {
        Json.meta(next).addProperty("generation", Json.num(old, "metadata.generation", 1) + 1);
      }
    }
    Json.meta(next).addProperty("resourceVersion", Json.str(old, "metadata.resourceVersion"));
    validate(t, next);
    return next;
  }

  private static void keepIdentity(JsonObject old, JsonObject next) {
    JsonObject meta = Json.meta(next);
    for (String field :
        new String[] {
          "name",
          "namespace",
          "uid",
          "creationTimestamp",
          "generation",
          "deletionTimestamp",
          "deletionGracePeriodSeconds"
        }) {
      JsonElement value = Json.meta(old).get(field);
      if (value == null) {
        meta.remove(field);
      } else {
        meta.add(field, value);
      }
    }
  }

  private static void copyOrRemove(JsonObject from, JsonObject to, String field) {
    JsonElement value = from.get(field);
    if (value == null) {
      to.remove(field);
    } else {
      to.add(field, value.deepCopy());
    }
  }

  private static JsonObject requireObject(ResourceType t, JsonObject obj, String field) {
    JsonElement e = obj.get(field);
    if (e == null || e.isJsonNull()) {
      JsonObject created = new JsonObject();
      obj.add(field, created);
      return created;
    }
    if (!e.isJsonObject()) {
      throw ApiError.invalid(t, "", field + ": Invalid value: must be an object");
    }
    return e.getAsJsonObject();
  }

  /** Rejects what the real API server rejects for the shapes the simulator knows. */
  static void validate(ResourceType t, JsonObject obj) {
    String shown = validateName(t, obj);
    checkStringMap(t, obj, shown, "metadata.labels");
    checkStringMap(t, obj, shown, "metadata.annotations");
    for (String part : new String[] {"spec", "status"}) {
      JsonElement e = obj.get(part);
      if (e != null && !e.isJsonNull() && !e.isJsonObject()) {
        throw ApiError.invalid(t, shown, part + ": Invalid value: must be an object");
      }
    }
    if (t.equals(ResourceRegistry.PODS)) {
      PodValidation.validate(t, obj, shown);
    } else if (t.equals(ResourceRegistry.VC_JOBS)) {
      PodValidation.validateVolcanoJob(t, obj, shown);
    } else if (t.equals(ResourceRegistry.INGRESSES)) {
      Ingresses.validate(t, obj, shown);
    }
  }

  /**
   * Rejects a name, generateName or namespace that is no string, and a missing or malformed name;
   * returns the name as errors show it.
   */
  private static String validateName(ResourceType t, JsonObject obj) {
    for (String field : new String[] {"name", "generateName", "namespace"}) {
      JsonElement value = Json.meta(obj).get(field);
      if (value != null
          && !value.isJsonNull()
          && !(value.isJsonPrimitive() && value.getAsJsonPrimitive().isString())) {
        throw ApiError.invalid(t, "", "metadata." + field + ": Invalid value: must be a string");
      }
    }
    String name = Json.str(obj, "metadata.name");
    String generate = Json.str(obj, "metadata.generateName");
    String shown = name == null ? "" : name;
    if ((name == null || name.isEmpty()) && (generate == null || generate.isEmpty())) {
      throw ApiError.invalid(
          t, shown, "metadata.name: Required value: name or generateName is required");
    }
    if (name != null && !name.isEmpty()) {
      Pattern p = t.equals(ResourceRegistry.NAMESPACES) ? LABEL : SUBDOMAIN;
      int max = t.equals(ResourceRegistry.NAMESPACES) ? 63 : 253;
      if (name.length() > max || !p.matcher(name).matches()) {
        throw ApiError.invalid(
            t,
            shown,
            "metadata.name: Invalid value: \"" + name + "\": must be a lowercase RFC 1123 name");
      }
    }
    return shown;
  }

  private static void checkStringMap(ResourceType t, JsonObject obj, String name, String path) {
    JsonElement e = Json.at(obj, path);
    if (e == null) {
      return;
    }
    if (!e.isJsonObject()) {
      throw ApiError.invalid(t, name, path + ": Invalid value: must be a map of strings");
    }
    for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
      if (!entry.getValue().isJsonPrimitive()
          || !entry.getValue().getAsJsonPrimitive().isString()) {
        throw ApiError.invalid(
            t, name, path + "." + entry.getKey() + ": Invalid value: must be a string");
      }
    }
  }
}
