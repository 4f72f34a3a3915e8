package org.crater.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

class MicroOptionsTest {

  private static final Path OUT = Path.of("target", "bench", "micro.json");

  @Test
  void theNormalRunIsOneForkOfThreeWarmUpAndFiveMeasuredSeconds() {
    Options jmh = MicroOptions.parse(new String[0], OUT).jmh();

    assertThat(jmh.getForkCount().get()).isEqualTo(1);
    assertThat(jmh.getWarmupIterations().get()).isEqualTo(3);
    assertThat(jmh.getMeasurementIterations().get()).isEqualTo(5);
    assertThat(jmh.getMeasurementTime().get()).isEqualTo(TimeValue.seconds(1));
    assertThat(jmh.getResult().get()).isEqualTo(OUT.toString());
    assertThat(jmh.getIncludes()).isEmpty();
  }

  @Test
  void quickShortensTheIterationsAndTheRestSelectsAndProfiles() {
    MicroOptions options =
        MicroOptions.parse(
            new String[] {
              "--quick",
              "--prof",
              "stack:lines=3",
              "--param",
              "queued=20000",
              "--out",
              "x.json",
              "Admission"
            },
            OUT);
    Options jmh = options.jmh();

    assertThat(jmh.getWarmupIterations().get()).isEqualTo(1);
    assertThat(jmh.getMeasurementIterations().get()).isEqualTo(2);
    assertThat(jmh.getMeasurementTime().get()).isEqualTo(TimeValue.milliseconds(200));
    assertThat(jmh.getIncludes()).containsExactly("Admission");
    assertThat(jmh.getParameter("queued").get()).containsExactly("20000");
    assertThat(jmh.getProfilers())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getKlass()).isEqualTo("stack");
              assertThat(p.getOpts()).isEqualTo("lines=3");
            });
    assertThat(options.out()).isEqualTo(Path.of("x.json"));
  }

  @Test
  void anUnknownOptionOrAMissingValueIsRejected() {
    assertThatThrownBy(() -> MicroOptions.parse(new String[] {"--fast"}, OUT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MicroOptions.parse(new String[] {"--param", "queued"}, OUT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MicroOptions.parse(new String[] {"--out"}, OUT))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
