package org.crater.sim.api;

import com.google.gson.JsonObject;
import java.util.function.UnaryOperator;

/**
 * {@code dryRun=All}: the same checks and the same answer as the real write, but nothing is stored,
 * no resourceVersion is used and no watcher sees anything.
 */
final class DryRun {
  private DryRun() {}

  static JsonObject create(Store store, ResourceType t, String ns, JsonObject body) {
    JsonObject obj = ObjectRules.prepareCreate(t, ns, body);
    if (t.namespaced() && store.find(ResourceRegistry.NAMESPACES, null, ns).isEmpty()) {
      throw ApiError.notFound(ResourceRegistry.NAMESPACES, ns);
    }
    String name = ObjectRules.assignName(obj, n -> store.find(t, ns, n).isPresent());
    if (store.find(t, ns, name).isPresent()) {
      throw ApiError.alreadyExists(t, name);
    }
    return obj;
  }

  static JsonObject modify(
      Store store,
      ResourceType t,
      String ns,
      String name,
      UnaryOperator<JsonObject> change,
      boolean status) {
    JsonObject old = store.get(t, ns, name);
    return ObjectRules.merge(
        t, old, change.apply(old.deepCopy()), status ? Part.STATUS : Part.MAIN);
  }

  static JsonObject delete(Store store, ResourceType t, String ns, String name) {
    return store.get(t, ns, name);
  }
}
