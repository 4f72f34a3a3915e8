package org.crater.bench.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlurmConfigTest {

  @Test
  void readsFlagsOverTheDefaults() {
    SlurmConfig c = SlurmConfig.parse(new String[] {"--submitters", "8", "--job-seconds", "0.5"});

    assertThat(c.submitters()).isEqualTo(8);
    assertThat(c.jobSeconds()).isEqualTo(0.5);
    assertThat(c.latencyJobs()).isEqualTo(SlurmConfig.defaults().latencyJobs());
  }

  @Test
  void rejectsAnUnknownFlagAMissingValueAndADeadlineWithoutRoomForCleanup() {
    assertThatThrownBy(() -> SlurmConfig.parse(new String[] {"--nodes", "2"}))
        .hasMessageContaining("unknown flag --nodes");
    assertThatThrownBy(() -> SlurmConfig.parse(new String[] {"--submitters"}))
        .hasMessageContaining("missing value");
    assertThatThrownBy(
            () ->
                SlurmConfig.parse(
                    new String[] {"--submit-seconds", "60", "--deadline-seconds", "80"}))
        .hasMessageContaining("deadlineSeconds");
  }

  @Test
  void writesTheSleepOfAJobWithoutATrailingZero() {
    assertThat(JobMix.sleep(1.0)).isEqualTo("sleep 1");
    assertThat(JobMix.sleep(0.25)).isEqualTo("sleep 0.25");
  }
}
