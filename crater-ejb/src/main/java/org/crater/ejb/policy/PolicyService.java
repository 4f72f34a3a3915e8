package org.crater.ejb.policy;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.crater.ejb.account.AccountService;
import org.crater.ejb.auth.Principal;
import org.crater.ejb.common.CraterException;
import org.crater.ejb.common.LogValues;
import org.crater.ejb.gpu.GpuUtilisation;
import org.crater.model.account.Account;
import org.crater.model.policy.Policy;
import org.crater.model.policy.PolicyLimits;

/**
 * The cluster default policy and the accounts' own, as administrators set them. An account's own
 * policy replaces the default for its jobs as a whole; deleting it brings the default back. The
 * checks read them afresh every round, so a change applies to running jobs from the next check.
 */
@Stateless
public class PolicyService {

  private static final Logger LOG = Logger.getLogger(PolicyService.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private GpuUtilisation utilisation;
  @EJB private AccountService accounts;

  public AppliedPolicy fallback() {
    return view(defaultRow());
  }

  public AppliedPolicy changeFallback(Principal caller, PolicyInput input) {
    PolicyLimits limits = PolicyRules.limits(input);
    Policy policy = defaultRow();
    em.lock(policy, LockModeType.PESSIMISTIC_WRITE);
    policy.change(limits, caller.username(), clock.instant());
    LOG.info(() -> "default policy changed by=" + LogValues.of(caller.username()));
    return view(policy);
  }

  /** The account's own policy; 404 when it has none (the default applies). */
  public AppliedPolicy ofAccount(String name) {
    Account account = accounts.get(name);
    return own(account).map(this::view).orElseThrow(() -> notOwn(name));
  }

  public AppliedPolicy changeAccount(Principal caller, String name, PolicyInput input) {
    PolicyLimits limits = PolicyRules.limits(input);
    Account account = accounts.get(name);
    Optional<Policy> own = own(account);
    Policy policy;
    if (own.isPresent()) {
      policy = own.get();
      policy.change(limits, caller.username(), clock.instant());
    } else {
      policy = new Policy(account, limits, caller.username(), clock.instant());
      em.persist(policy);
    }
    LOG.info(
        () ->
            "policy of account="
                + LogValues.of(name)
                + " changed by="
                + LogValues.of(caller.username()));
    return view(policy);
  }

  /** Removes the account's own policy: the default applies to its jobs from the next check. */
  public void removeAccount(String name) {
    Account account = accounts.get(name);
    Policy policy = own(account).orElseThrow(() -> notOwn(name));
    em.remove(policy);
  }

  /** The policy that applies to the caller's jobs in {@code accountName} (a member's). */
  public AppliedPolicy applying(Principal caller, String accountName) {
    Account account =
        caller.isAdmin()
            ? accounts.get(accountName)
            : accounts.membershipOf(accountName, caller.userId()).getAccount();
    return view(own(account).orElseGet(this::defaultRow));
  }

  private Optional<Policy> own(Account account) {
    return em.createNamedQuery(Policy.OF_ACCOUNT, Policy.class)
        .setParameter("account", account)
        .getResultStream()
        .findFirst();
  }

  private Policy defaultRow() {
    return em.createNamedQuery(Policy.DEFAULT, Policy.class).getSingleResult();
  }

  private static CraterException notOwn(String name) {
    return new CraterException(
        404, "no-account-policy", "Account " + name + " follows the default policy.");
  }

  private AppliedPolicy view(Policy policy) {
    PolicyLimits limits = policy.limits();
    String idle =
        !limits.idleReclamation() ? "off" : utilisation.configured() ? "on" : "unavailable";
    return new AppliedPolicy(
        policy.getAccount() == null ? null : policy.getAccount().getName(),
        limits,
        policy.getUpdatedAt(),
        policy.getUpdatedBy(),
        idle);
  }
}
