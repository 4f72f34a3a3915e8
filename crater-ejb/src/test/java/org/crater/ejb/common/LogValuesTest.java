package org.crater.ejb.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogValuesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a plain name is written as it is      | alice                  | alice
          an address is written as it is        | 10.0.0.1               | 10.0.0.1
          a space is quoted                     | alice smith            | "alice smith"
          an equals sign is quoted              | a=b                    | "a=b"
          a quote is escaped                    | say "hi"               | "say \\"hi\\""
          a backslash is escaped                | a\\b                   | "a\\\\b"
          """)
  void writesValuesSoTheyCannotAddAKey(String name, String value, String expected) {
    assertThat(LogValues.of(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a line feed                   | 10
          a carriage return             | 13
          a NUL                         | 0
          an escape                     | 27
          a DEL                         | 127
          a next-line (C1)              | 133
          a line separator              | 8232
          a right-to-left override      | 8238
          """)
  void neverLetsAControlCharacterThrough(String name, int code) {
    String logged = LogValues.of("bob" + (char) code + "root");

    assertThat(logged).startsWith("\"bob\\").endsWith("root\"");
    assertThat(logged.chars()).noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c > 0x7e);
  }

  @Test
  void aForgedLineStaysInsideTheRecordThatCarriesIt() {
    String username =
        "x\n2026-12-04T10:00:00.000Z INFO    org.crater.ejb.auth - logged in user=root";
    String line = "refused login user=" + LogValues.of(username) + " address=10.0.0.1";

    assertThat(line.lines()).hasSize(1);
    assertThat(line)
        .startsWith("refused login user=\"x\\n2026-12-04T10:00:00.000Z INFO")
        .endsWith("logged in user=root\" address=10.0.0.1");
  }

  @Test
  void cutsLongValuesAndSaysHowLongTheyWere() {
    String logged = LogValues.of("a".repeat(5000));

    assertThat(logged).hasSizeLessThan(LogValues.MAX_LENGTH + 32).endsWith("...(5000 chars)\"");
  }

  @Test
  void writesNullAndEmptyVisibly() {
    assertThat(LogValues.of(null)).isEqualTo("null");
    assertThat(LogValues.of("")).isEqualTo("\"\"");
  }
}
