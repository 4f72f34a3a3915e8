package org.crater.sim.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Dependents by owner uid, from metadata.ownerReferences, so deleting an owner finds its dependents
 * without a scan. Used only under the store lock.
 */
final class OwnerIndex {
  /** A stored object: its resource and store key. */
  record Ref(ResourceType type, String key) {}

  private final Map<String, Set<Ref>> dependents = new HashMap<>();

  /** Moves {@code ref} from the owners of {@code old} to the owners of {@code next}. */
  void update(Ref ref, JsonObject old, JsonObject next) {
    Set<String> before = ownerUids(old);
    Set<String> after = ownerUids(next);
    for (String uid : before) {
      if (!after.contains(uid) && dependents.containsKey(uid)) {
        dependents.get(uid).remove(ref);
      }
    }
    for (String uid : after) {
      dependents.computeIfAbsent(uid, u -> new HashSet<>()).add(ref);
    }
  }

  /** Removes and returns the dependents of an owner. */
  Set<Ref> removeDependents(String ownerUid) {
    Set<Ref> refs = dependents.remove(ownerUid);
    return refs == null ? Set.of() : refs;
  }

  void clear() {
    dependents.clear();
  }

  private static Set<String> ownerUids(JsonObject obj) {
    if (obj == null) {
      return Set.of();
    }
    Set<String> uids = new HashSet<>();
    for (JsonElement ref : Json.arr(obj, "metadata.ownerReferences")) {
      if (ref.isJsonObject() && ref.getAsJsonObject().has("uid")) {
        uids.add(ref.getAsJsonObject().get("uid").getAsString());
      }
    }
    return uids;
  }
}
