package org.crater.ejb.quota;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.crater.ejb.account.AccountService;
import org.crater.model.job.JobPhase;
import org.crater.model.job.Slo;
import org.crater.model.quota.ResourceVector;

/**
 * Reports each member's quota and usage, per account. Usage counts guaranteed work only:
 * best-effort jobs run beyond quota and give way when guaranteed work needs the room.
 */
@Stateless
public class QuotaService {

  private static final String HELD =
      "SELECT j.resources, j.replicas, j.gpuModel FROM Job j WHERE j.account.id = :account"
          + " AND j.phase IN :phases AND j.slo = :slo";
  private static final List<JobPhase> HOLDING =
      List.of(JobPhase.CREATED, JobPhase.PENDING, JobPhase.RUNNING);

  @PersistenceContext private EntityManager em;
  @EJB private AccountService accounts;

  /** The caller's quotas in every account they belong to, by account name. */
  public List<MemberQuota> quotasOf(long userId) {
    return accounts.membershipsOf(userId).stream()
        .map(
            m ->
                new MemberQuota(
                    m.getAccount().getName(),
                    m.getRole(),
                    m.getQuota(),
                    heldBy(userId, m.getAccount().getId()),
                    m.getAccount().getQuota(),
                    heldIn(m.getAccount().getId())))
        .toList();
  }

  /** Resources the user's guaranteed jobs in the account hold now (Created, Pending, Running). */
  public ResourceVector heldBy(long userId, long accountId) {
    return sum(
        em.createQuery(HELD + " AND j.owner.id = :user", Object[].class)
            .setParameter("user", userId)
            .setParameter("account", accountId));
  }

  /** Resources all guaranteed jobs in the account hold now. */
  public ResourceVector heldIn(long accountId) {
    return sum(em.createQuery(HELD, Object[].class).setParameter("account", accountId));
  }

  private static ResourceVector sum(TypedQuery<Object[]> query) {
    ResourceVector total = ResourceVector.ZERO;
    for (Object[] row :
        query.setParameter("phases", HOLDING).setParameter("slo", Slo.GUARANTEED).getResultList()) {
      ResourceVector perReplica = (ResourceVector) row[0];
      total = total.plus(QuotaCharge.of(perReplica.times((Integer) row[1]), (String) row[2]));
    }
    return total;
  }
}
