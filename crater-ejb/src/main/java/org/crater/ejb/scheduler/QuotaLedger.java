package org.crater.ejb.scheduler;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crater.ejb.quota.QuotaCharge;
import org.crater.ejb.quota.ResourceQuantities;
import org.crater.model.job.Slo;
import org.crater.model.quota.ResourceVector;

/**
 * Guaranteed usage against the member and account quotas during one pass. Only guaranteed jobs
 * count: best-effort work runs beyond quota and is preempted when guaranteed work needs the room. A
 * quota that names a GPU model ({@code nvidia.com/a100}) also limits the GPUs of jobs asking for
 * that model.
 */
final class QuotaLedger {

  private record Member(long userId, long accountId) {}

  private final Map<Member, ResourceVector> memberQuota = new HashMap<>();
  private final Map<Long, AccountLimit> accounts = new HashMap<>();
  private final Map<Member, ResourceVector> memberHeld = new HashMap<>();
  private final Map<Long, ResourceVector> accountHeld = new HashMap<>();

  QuotaLedger(List<MemberLimit> members, List<AccountLimit> accountLimits, List<HeldJob> held) {
    members.forEach(m -> memberQuota.put(new Member(m.userId(), m.accountId()), m.quota()));
    accountLimits.forEach(a -> accounts.put(a.accountId(), a));
    held.stream()
        .filter(j -> j.slo() == Slo.GUARANTEED)
        .forEach(j -> add(j.ownerId(), j.accountId(), j.total(), j.gpuModel(), 1));
  }

  /** The account's name, or its id when it is unknown. */
  String accountName(long accountId) {
    AccountLimit a = accounts.get(accountId);
    return a == null ? "#" + accountId : a.name();
  }

  /** Why the account takes no work now, if it does not. */
  Optional<WaitReason> closed(long accountId, Instant now) {
    AccountLimit a = accounts.get(accountId);
    if (a != null && a.expiresAt() != null && !a.expiresAt().isAfter(now)) {
      return Optional.of(WaitReason.accountExpired(a.name()));
    }
    return Optional.empty();
  }

  /** Why the guaranteed job would break a quota or its account's budget, if it would. */
  Optional<WaitReason> exceeded(QueuedJob job) {
    AccountLimit limit = accounts.get(job.accountId());
    if (job.slo() == Slo.GUARANTEED && limit != null && limit.budgetExhausted()) {
      return Optional.of(
          WaitReason.budgetExhausted(
              limit.name(),
              limit.monthlyGpuHours().toPlainString(),
              limit.gpuHoursThisMonth().toPlainString()));
    }
    Member member = new Member(job.ownerId(), job.accountId());
    ResourceVector mine = memberQuota.getOrDefault(member, ResourceVector.ZERO);
    Optional<WaitReason> overMine =
        over("member", job, mine, memberHeld.getOrDefault(member, ResourceVector.ZERO));
    if (overMine.isPresent()) {
      return overMine;
    }
    AccountLimit account = accounts.get(job.accountId());
    ResourceVector accountQuota = account == null ? ResourceVector.ZERO : account.quota();
    return over(
        "account",
        job,
        accountQuota,
        accountHeld.getOrDefault(job.accountId(), ResourceVector.ZERO));
  }

  void charge(QueuedJob job) {
    add(job.ownerId(), job.accountId(), job.total(), job.gpuModel(), 1);
  }

  private Optional<WaitReason> over(
      String scope, QueuedJob job, ResourceVector quota, ResourceVector held) {
    ResourceVector need = QuotaCharge.of(job.total(), job.gpuModel());
    for (Map.Entry<String, Long> e : need.amounts().entrySet()) {
      String resource = e.getKey();
      if (QuotaCharge.isModelResource(resource) && quota.get(resource) == 0) {
        continue; // a quota without the model's entry does not limit by model
      }
      long free = Math.max(0, quota.get(resource) - held.get(resource));
      if (e.getValue() > free) {
        return Optional.of(
            WaitReason.quotaExceeded(
                scope,
                accountName(job.accountId()),
                resource,
                ResourceQuantities.format(resource, e.getValue()),
                ResourceQuantities.format(resource, free)));
      }
    }
    return Optional.empty();
  }

  private void add(long userId, long accountId, ResourceVector total, String model, int sign) {
    ResourceVector amount = QuotaCharge.of(total, model);
    Member member = new Member(userId, accountId);
    if (sign > 0) {
      memberHeld.merge(member, amount, ResourceVector::plus);
      accountHeld.merge(accountId, amount, ResourceVector::plus);
    } else {
      memberHeld.computeIfPresent(member, (k, v) -> v.minus(amount));
      accountHeld.computeIfPresent(accountId, (k, v) -> v.minus(amount));
    }
  }
}
