package org.crater.sim.actor;

import com.google.gson.JsonObject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.crater.sim.api.ApiError;
import org.crater.sim.api.Json;
import org.crater.sim.api.Pods;
import org.crater.sim.api.ResourceRegistry;
import org.crater.sim.api.Store;

/**
 * Evicts a preemption victim the way kube-scheduler does: a {@code DisruptionTarget} condition
 * (reason {@code PreemptionByScheduler}) on the victim, a {@code Preempted} event, then deletion.
 */
final class Preemptor {
  private static final Logger LOG = Logger.getLogger(Preemptor.class.getName());
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final Store store;

  Preemptor(Store store) {
    this.store = store;
  }

  void evict(JsonObject victim, JsonObject preemptor, String node) {
    String ns = Json.namespace(victim);
    String name = Json.name(victim);
    try {
      store.modify(ResourceRegistry.PODS, ns, name, this::markDisrupted, true);
      JsonObject event = event(victim, preemptor, node);
      store.create(ResourceRegistry.EVENTS, ns, event);
      // A real API server serves one event store under both groups; the simulator writes both.
      store.create(ResourceRegistry.K8S_EVENTS, ns, eventsV1(event));
      store.delete(ResourceRegistry.PODS, ns, name, false);
      LOG.info(
          "preempted pod="
              + ns
              + "/"
              + name
              + " by="
              + Json.namespace(preemptor)
              + "/"
              + Json.name(preemptor)
              + " node="
              + node);
    } catch (ApiError e) {
      // Already gone: nothing left to evict.
    }
  }

  private JsonObject markDisrupted(JsonObject pod) {
    Pods.setCondition(
        Json.child(pod, "status"),
        Pods.condition(
            "DisruptionTarget",
            "True",
            "PreemptionByScheduler",
            "default-scheduler: preempting to accommodate a higher priority pod"));
    return pod;
  }

  private static JsonObject eventsV1(JsonObject core) {
    JsonObject meta = new JsonObject();
    meta.addProperty("name", Json.name(core));
    JsonObject event = new JsonObject();
    event.add("metadata", meta);
    event.addProperty("eventTime", Json.nowMicro());
    event.addProperty("reason", Json.str(core, "reason"));
    event.addProperty("note", Json.str(core, "message"));
    event.addProperty("type", Json.str(core, "type"));
    event.addProperty("action", "Preempting");
    event.add("regarding", core.get("involvedObject").deepCopy());
    event.addProperty("reportingController", "default-scheduler");
    event.addProperty("reportingInstance", "crater-sim");
    return event;
  }

  private static JsonObject event(JsonObject victim, JsonObject preemptor, String node) {
    String now = Json.now();
    JsonObject meta = new JsonObject();
    meta.addProperty(
        "name",
        Json.name(victim) + "." + Long.toHexString(System.nanoTime() + SEQUENCE.incrementAndGet()));
    JsonObject involved = new JsonObject();
    involved.addProperty("apiVersion", "v1");
    involved.addProperty("kind", "Pod");
    involved.addProperty("name", Json.name(victim));
    involved.addProperty("namespace", Json.namespace(victim));
    involved.addProperty("uid", Json.uid(victim));
    JsonObject source = new JsonObject();
    source.addProperty("component", "default-scheduler");
    JsonObject event = new JsonObject();
    event.add("metadata", meta);
    event.add("involvedObject", involved);
    event.addProperty("reason", "Preempted");
    event.addProperty("message", "Preempted by pod " + Json.uid(preemptor) + " on node " + node);
    event.addProperty("type", "Normal");
    event.add("source", source);
    event.addProperty("firstTimestamp", now);
    event.addProperty("lastTimestamp", now);
    event.addProperty("count", 1);
    event.addProperty("reportingComponent", "default-scheduler");
    event.addProperty("reportingInstance", "crater-sim");
    return event;
  }
}
