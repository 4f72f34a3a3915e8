package org.crater.ejb.quota;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.List;
import org.crater.ejb.account.AccountService;
import org.crater.model.quota.ResourceVector;

/** Reports each member's quota and usage, per account. */
@Stateless
public class QuotaService {

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

  /**
   * Resources held by the user's quota-holding work in the account; nothing until jobs exist (#5).
   */
  ResourceVector heldBy(long userId, long accountId) {
    return ResourceVector.ZERO;
  }

  /** Resources held by all quota-holding work in the account; nothing until jobs exist (#5). */
  ResourceVector heldIn(long accountId) {
    return ResourceVector.ZERO;
  }
}
