package org.crater.ejb.scheduler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Why a queued job is not admitted yet: a stable code, its details by name, and a sentence.
 *
 * <ul>
 *   <li>{@code QuotaExceeded{scope, account, resource, need, free}} — scope {@code member} (the
 *       user's quota in the account) or {@code account} (the account's quota);
 *   <li>{@code NoCapacity{model}} — no node (of the model) has room now; with {@code reservedNodes}
 *       when it has waited long and that many nodes are kept for it as they free up;
 *   <li>{@code NeverFits{model}} — no node of the model could hold it even when empty;
 *   <li>{@code AccountExpired{account}};
 *   <li>{@code BudgetExhausted{account, budget, used}} — a guaranteed job of an account whose
 *       GPU-hours this month reached its monthly budget (best-effort jobs still run);
 *   <li>{@code BehindInQueue{ahead}} — the owner's earlier jobs of the same service level go first.
 * </ul>
 *
 * @param code machine-readable reason
 * @param details the reason's parameters, in a stable order
 * @param message for people
 */
public record WaitReason(String code, Map<String, String> details, String message) {

  static final String NEVER_FITS = "NeverFits";

  private static final WaitReason[] BEHIND =
      IntStream.range(0, 1_000).mapToObj(WaitReason::behind).toArray(WaitReason[]::new);

  public WaitReason {
    details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  static WaitReason quotaExceeded(
      String scope, String account, String resource, String need, String free) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("scope", scope);
    details.put("account", account);
    details.put("resource", resource);
    details.put("need", need);
    details.put("free", free);
    String whose = scope.equals("member") ? "your quota in " + account : "account " + account;
    return new WaitReason(
        "QuotaExceeded",
        details,
        "Needs " + need + " " + resource + " but " + whose + " has " + free + " free.");
  }

  static WaitReason noCapacity(String model, String what) {
    return new WaitReason(
        "NoCapacity",
        Map.of("model", modelName(model)),
        "No " + modelText(model) + "node has room for " + what + " now.");
  }

  static WaitReason keptFor(String model, String what, int nodes) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("model", modelName(model));
    details.put("reservedNodes", Integer.toString(nodes));
    return new WaitReason(
        "NoCapacity",
        details,
        "No "
            + modelText(model)
            + "node has room for "
            + what
            + " now; "
            + nodes
            + " node(s) are kept for it as they free up.");
  }

  static WaitReason neverFits(String model, String what) {
    return new WaitReason(
        NEVER_FITS,
        Map.of("model", modelName(model)),
        "No " + modelText(model) + "node could hold " + what + ", even when empty.");
  }

  static WaitReason accountExpired(String account) {
    return new WaitReason(
        "AccountExpired", Map.of("account", account), "Account " + account + " has expired.");
  }

  static WaitReason budgetExhausted(String account, String budget, String used) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("account", account);
    details.put("budget", budget);
    details.put("used", used);
    return new WaitReason(
        "BudgetExhausted",
        details,
        "Account "
            + account
            + " used "
            + used
            + " of its "
            + budget
            + " GPU-hours this month; guaranteed work waits for the next month.");
  }

  /**
   * Every job of a pass gets one: the common ranks are made once and shared (20,000 queued jobs
   * need a few hundred reasons, not 20,000 of them each pass).
   */
  static WaitReason behindInQueue(int ahead) {
    return ahead < BEHIND.length ? BEHIND[ahead] : behind(ahead);
  }

  private static WaitReason behind(int ahead) {
    return new WaitReason(
        "BehindInQueue",
        Map.of("ahead", Integer.toString(ahead)),
        ahead + " earlier job(s) of yours with the same service level go first.");
  }

  private static String modelName(String model) {
    return model == null ? "any" : model;
  }

  private static String modelText(String model) {
    return model == null ? "" : model + " ";
  }
}
