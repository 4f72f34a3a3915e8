package org.crater.sim.actor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerScriptTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      value = {
        "python train.py              | none  | none",
        "sleep 5                      | 5000  | none",
        "sh -c sleep 0.25; exit 3     | 250   | 3",
        "sh -c sleep 1 && sleep 2     | 3000  | none",
        "sh -c exit 1                 | none  | 1",
        "/bin/asleep 5                | none  | none",
        "sh -c sleep 1; exit 300      | 1000  | 44",
      })
  void readsRunTimeAndExitCodeFromTheCommandLine(String line, Long runMs, Integer exitCode) {
    ContainerScript script = ContainerScript.parse(line);

    assertThat(script.runMs())
        .isEqualTo(runMs == null ? OptionalLong.empty() : OptionalLong.of(runMs));
    assertThat(script.exitCode())
        .isEqualTo(exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode));
  }
}
