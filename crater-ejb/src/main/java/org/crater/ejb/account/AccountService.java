package org.crater.ejb.account;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.crater.ejb.common.CraterException;
import org.crater.ejb.common.LogValues;
import org.crater.ejb.common.QuotasChanged;
import org.crater.ejb.user.UserService;
import org.crater.model.account.Account;
import org.crater.model.account.AccountRole;
import org.crater.model.account.Membership;
import org.crater.model.common.Names;
import org.crater.model.quota.ResourceVector;
import org.crater.model.user.User;

/**
 * Accounts and their members. Names are unique and permanent; the {@code default} account comes
 * with the schema and cannot be deleted, nor can an account whose jobs are on record (409: the
 * records keep their account; an expiry date stops new work instead). A user who is not a member of
 * an account is told it does not exist.
 */
@Stateless
public class AccountService {

  private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private Event<QuotasChanged> quotasChanged;
  @Inject private Clock clock;
  @EJB private UserService users;

  public Account create(String name, String displayName) {
    return create(name, displayName, ResourceVector.ZERO, null, null);
  }

  /** Creates an account with its quota, expiry and monthly GPU-hour budget (null: none). */
  public Account create(
      String name,
      String displayName,
      ResourceVector quota,
      Instant expiresAt,
      BigDecimal monthlyGpuHours) {
    if (!Names.isDns1123Label(name)) {
      throw new CraterException(422, "invalid-name", "Account names must be DNS-1123 labels.");
    }
    if (find(name).isPresent()) {
      throw new AccountExistsException(name);
    }
    Instant now = clock.instant();
    Account account = new Account(name, displayName, now);
    account.changeQuota(quota, now);
    account.changeExpiry(expiresAt, now);
    account.changeMonthlyGpuHours(monthlyGpuHours, now);
    em.persist(account);
    LOG.info(() -> "created account name=" + LogValues.of(name));
    return account;
  }

  /** Replaces display name, quota, expiry and monthly GPU-hour budget (null: none). */
  public Account update(
      String name,
      String displayName,
      ResourceVector quota,
      Instant expiresAt,
      BigDecimal monthlyGpuHours) {
    Account account = get(name);
    Instant now = clock.instant();
    account.rename(displayName, now);
    account.changeQuota(quota, now);
    account.changeExpiry(expiresAt, now);
    account.changeMonthlyGpuHours(monthlyGpuHours, now);
    quotasChanged.fire(new QuotasChanged(name));
    LOG.info(() -> "updated account name=" + LogValues.of(name));
    return account;
  }

  public void delete(String name) {
    if (Account.DEFAULT.equals(name)) {
      throw new CraterException(422, "default-account", "The default account cannot be deleted.");
    }
    Account account = get(name);
    long jobs =
        em.createQuery("SELECT COUNT(j) FROM Job j WHERE j.account.id = :id", Long.class)
            .setParameter("id", account.getId())
            .getSingleResult();
    if (jobs > 0) {
      throw new CraterException(
          409,
          "account-has-jobs",
          "Account "
              + name
              + " has "
              + jobs
              + " job(s) on record, which keep their account, so it cannot be deleted; set its"
              + " expiry instead: an expired account admits no more work.");
    }
    em.remove(account);
    LOG.info(() -> "deleted account name=" + LogValues.of(name));
  }

  public Account get(String name) {
    return find(name).orElseThrow(() -> new AccountNotFoundException(name));
  }

  public List<Account> list() {
    return em.createNamedQuery(Account.ALL, Account.class).getResultList();
  }

  public long count() {
    return em.createNamedQuery(Account.COUNT, Long.class).getSingleResult();
  }

  /** The memberships of one user, with their accounts, by account name. */
  public List<Membership> membershipsOf(long userId) {
    return em.createNamedQuery(Membership.OF_USER, Membership.class)
        .setParameter("userId", userId)
        .getResultList();
  }

  /**
   * The caller's membership in the named account, with the account and the user, in one query; a
   * stranger gets {@link AccountNotFoundException}.
   */
  public Membership membershipOf(String accountName, long userId) {
    return em.createNamedQuery(Membership.BY_ACCOUNT_NAME, Membership.class)
        .setParameter("accountName", accountName)
        .setParameter("userId", userId)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new AccountNotFoundException(accountName));
  }

  public List<Membership> members(String accountName) {
    return em.createNamedQuery(Membership.OF_ACCOUNT, Membership.class)
        .setParameter("accountId", get(accountName).getId())
        .getResultList();
  }

  /** Adds the user to the account, or changes their role and quota there. */
  public Membership putMember(
      String accountName, String username, AccountRole role, ResourceVector quota) {
    Account account = get(accountName);
    User user = users.get(username);
    Optional<Membership> existing = membership(account, user.getId());
    existing.ifPresent(m -> m.change(role, quota));
    Membership membership =
        existing.orElseGet(() -> new Membership(account, user, role, quota, clock.instant()));
    if (existing.isEmpty()) {
      em.persist(membership);
    }
    quotasChanged.fire(new QuotasChanged(accountName));
    LOG.info(
        () ->
            "put member account="
                + LogValues.of(accountName)
                + " user="
                + LogValues.of(username)
                + " role="
                + role);
    return membership;
  }

  public void removeMember(String accountName, String username) {
    Account account = get(accountName);
    User user = users.get(username);
    Membership membership =
        membership(account, user.getId())
            .orElseThrow(
                () ->
                    new CraterException(
                        404,
                        "member-not-found",
                        username + " is not a member of " + accountName + "."));
    em.remove(membership);
    quotasChanged.fire(new QuotasChanged(accountName));
    LOG.info(
        () ->
            "removed member account="
                + LogValues.of(accountName)
                + " user="
                + LogValues.of(username));
  }

  private Optional<Account> find(String name) {
    return em.createNamedQuery(Account.BY_NAME, Account.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  private Optional<Membership> membership(Account account, long userId) {
    return em.createNamedQuery(Membership.ONE, Membership.class)
        .setParameter("accountId", account.getId())
        .setParameter("userId", userId)
        .getResultStream()
        .findFirst();
  }
}
