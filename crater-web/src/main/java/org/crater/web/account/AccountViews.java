package org.crater.web.account;

import org.crater.ejb.quota.ResourceQuantities;
import org.crater.model.account.Account;
import org.crater.model.account.Membership;

/** Converts accounts and memberships to their views. */
public final class AccountViews {

  private AccountViews() {}

  public static AccountView of(Account account) {
    return new AccountView(
        account.getName(),
        account.getDisplayName(),
        ResourceQuantities.format(account.getQuota()),
        account.getExpiresAt(),
        account.getMonthlyGpuHours(),
        account.getCreatedAt());
  }

  public static MembershipView membership(Membership membership) {
    return new MembershipView(
        of(membership.getAccount()),
        membership.getRole(),
        ResourceQuantities.format(membership.getQuota()));
  }

  public static MemberView member(Membership membership) {
    return new MemberView(
        membership.getUser().getUsername(),
        membership.getRole(),
        ResourceQuantities.format(membership.getQuota()));
  }
}
