package org.crater.sim.api;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Validating admission webhooks, as a cluster's policy engine installs them: each may deny the
 * creation of objects it matches through the API, and the server then answers 400 with {@code
 * admission webhook "<name>" denied the request: <why>}, as a real one does when a webhook denies
 * without a code of its own. Thread-safe.
 */
public final class AdmissionPolicies {

  /**
   * One webhook.
   *
   * @param name the webhook's name
   * @param denies which objects it denies (the create body, as sent)
   * @param why its explanation
   */
  public record Policy(String name, Predicate<JsonObject> denies, String why) {}

  private final List<Policy> policies = new CopyOnWriteArrayList<>();

  public void add(Policy policy) {
    policies.add(policy);
  }

  public void clear() {
    policies.clear();
  }

  /** Refuses the creation of {@code body} when a webhook denies it. */
  void admit(JsonObject body) {
    for (Policy policy : policies) {
      if (policy.denies().test(body)) {
        throw new ApiError(
            400,
            "BadRequest",
            "admission webhook \"" + policy.name() + "\" denied the request: " + policy.why());
      }
    }
  }
}
