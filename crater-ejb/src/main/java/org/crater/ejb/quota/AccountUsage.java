package org.crater.ejb.quota;

import java.util.List;
import java.util.function.Predicate;
import org.crater.model.job.Slo;
import org.crater.model.quota.ResourceVector;

/**
 * What the jobs of one account hold now, by owner and service level, as quota charges ({@link
 * QuotaCharge}). Guaranteed work counts against quota; best-effort work runs beyond it and is
 * reported beside it. Pure: built from the holding jobs read before.
 */
public final class AccountUsage {

  /**
   * One job that holds resources.
   *
   * @param ownerId who submitted it
   * @param slo its service level
   * @param charge what it charges: its total resources, GPUs also under their model's name
   */
  public record Held(long ownerId, Slo slo, ResourceVector charge) {}

  private final List<Held> held;

  private AccountUsage(List<Held> held) {
    this.held = List.copyOf(held);
  }

  public static AccountUsage of(List<Held> held) {
    return new AccountUsage(held);
  }

  /** What everyone's jobs of this service level hold. */
  public ResourceVector total(Slo slo) {
    return sum(h -> h.slo() == slo);
  }

  /** What one member's jobs of this service level hold. */
  public ResourceVector of(long ownerId, Slo slo) {
    return sum(h -> h.ownerId() == ownerId && h.slo() == slo);
  }

  private ResourceVector sum(Predicate<Held> which) {
    return held.stream()
        .filter(which)
        .map(Held::charge)
        .reduce(ResourceVector.ZERO, ResourceVector::plus);
  }
}
