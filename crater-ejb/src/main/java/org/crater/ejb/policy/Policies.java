package org.crater.ejb.policy;

import java.util.Map;
import org.crater.model.policy.PolicyLimits;

/**
 * Every policy at one moment: the cluster default and the accounts' own.
 *
 * @param fallback the cluster default
 * @param byAccount the accounts' own policies, by account id
 */
public record Policies(PolicyLimits fallback, Map<Long, PolicyLimits> byAccount) {

  public Policies {
    byAccount = Map.copyOf(byAccount);
  }

  /** The policy that applies to a job of the account. */
  public PolicyLimits of(long accountId) {
    return byAccount.getOrDefault(accountId, fallback);
  }

  /** Whether any policy limits anything, so that checking jobs could do something. */
  public boolean limitAnything() {
    return !fallback.equals(PolicyLimits.NONE)
        || byAccount.values().stream().anyMatch(limits -> !limits.equals(PolicyLimits.NONE));
  }

  /** Whether any policy reclaims idle GPUs. */
  public boolean reclaimIdle() {
    return fallback.idleReclamation()
        || byAccount.values().stream().anyMatch(PolicyLimits::idleReclamation);
  }
}
