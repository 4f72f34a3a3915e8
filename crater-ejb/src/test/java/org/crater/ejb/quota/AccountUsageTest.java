package org.crater.ejb.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.crater.model.job.Slo;
import org.crater.model.quota.ResourceVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountUsageTest {

  private static final long ALICE = 1;
  private static final long BOB = 2;
  private static final long CAROL = 3;

  private static AccountUsage.Held held(long owner, Slo slo, long gpus, String model) {
    ResourceVector total = ResourceVector.of(Map.of("cpu", 4_000L * gpus, "nvidia.com/gpu", gpus));
    return new AccountUsage.Held(owner, slo, QuotaCharge.of(total, model));
  }

  private static final AccountUsage USAGE =
      AccountUsage.of(
          List.of(
              held(ALICE, Slo.GUARANTEED, 2, "A100"),
              held(ALICE, Slo.BEST_EFFORT, 1, null),
              held(ALICE, Slo.BEST_EFFORT, 3, "V100"),
              held(BOB, Slo.GUARANTEED, 1, null),
              held(BOB, Slo.BEST_EFFORT, 8, "A100")));

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "alice's guaranteed jobs,          1, GUARANTEED,  2, 2, 0",
    "alice's best-effort jobs (two),   1, BEST_EFFORT, 4, 0, 3",
    "bob's guaranteed job,             2, GUARANTEED,  1, 0, 0",
    "bob's best-effort gang,           2, BEST_EFFORT, 8, 8, 0",
    "carol holds nothing,              3, GUARANTEED,  0, 0, 0",
    "carol holds nothing best-effort,  3, BEST_EFFORT, 0, 0, 0"
  })
  void aMembersUsageIsSplitByServiceLevel(
      String name, long owner, Slo slo, long gpus, long a100, long v100) {
    ResourceVector used = USAGE.of(owner, slo);

    assertThat(used.get("nvidia.com/gpu")).isEqualTo(gpus);
    assertThat(used.get("nvidia.com/a100")).isEqualTo(a100);
    assertThat(used.get("nvidia.com/v100")).isEqualTo(v100);
    assertThat(used.get("cpu")).isEqualTo(4_000L * gpus);
  }

  @Test
  void theAccountsUsageIsEveryonesPerServiceLevel() {
    assertThat(USAGE.total(Slo.GUARANTEED).get("nvidia.com/gpu")).isEqualTo(3);
    assertThat(USAGE.total(Slo.BEST_EFFORT).get("nvidia.com/gpu")).isEqualTo(12);
    assertThat(USAGE.total(Slo.BEST_EFFORT).get("nvidia.com/a100")).isEqualTo(8);
    assertThat(AccountUsage.of(List.of()).total(Slo.BEST_EFFORT)).isEqualTo(ResourceVector.ZERO);
    assertThat(USAGE.of(CAROL, Slo.GUARANTEED).isZero()).isTrue();
  }
}
