package org.crater.ejb.quota;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.crater.ejb.account.AccountService;
import org.crater.model.account.Membership;
import org.crater.model.job.JobPhase;
import org.crater.model.job.Slo;
import org.crater.model.quota.ResourceVector;

/**
 * Reports each member's quota and usage, per account. Usage is split by service level: guaranteed
 * jobs count against quota, best-effort jobs run beyond it and give way when guaranteed work needs
 * the room. Jobs hold resources in the phases of {@link JobPhase#holding()}.
 */
@Stateless
public class QuotaService {

  private static final String HELD =
      "SELECT j.owner.id, j.slo, j.resources, j.replicas, j.gpuModel FROM Job j"
          + " WHERE j.account.id = :account AND j.phase IN :phases";

  @PersistenceContext private EntityManager em;
  @EJB private AccountService accounts;

  /** The caller's quotas in every account they belong to, by account name. */
  public List<MemberQuota> quotasOf(long userId) {
    return accounts.membershipsOf(userId).stream().map(m -> quotaOf(userId, m)).toList();
  }

  private MemberQuota quotaOf(long userId, Membership membership) {
    AccountUsage usage = usageIn(membership.getAccount().getId());
    return new MemberQuota(
        membership.getAccount().getName(),
        membership.getRole(),
        membership.getQuota(),
        usage.of(userId, Slo.GUARANTEED),
        usage.of(userId, Slo.BEST_EFFORT),
        membership.getAccount().getQuota(),
        usage.total(Slo.GUARANTEED),
        usage.total(Slo.BEST_EFFORT));
  }

  /** What the jobs in the account hold now, by owner and service level: one query. */
  public AccountUsage usageIn(long accountId) {
    List<AccountUsage.Held> held =
        em
            .createQuery(HELD, Object[].class)
            .setParameter("account", accountId)
            .setParameter("phases", JobPhase.holding())
            .getResultList()
            .stream()
            .map(
                row -> {
                  ResourceVector total = ((ResourceVector) row[2]).times((Integer) row[3]);
                  return new AccountUsage.Held(
                      (Long) row[0], (Slo) row[1], QuotaCharge.of(total, (String) row[4]));
                })
            .toList();
    return AccountUsage.of(held);
  }
}
