package org.crater.k8s.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogTailTest {

  private static LogTail tail(String log, int maxBytes) throws IOException {
    return LogTail.read(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), maxBytes);
  }

  @Test
  void aLogWithinTheBoundIsKeptWhole() throws IOException {
    assertThat(tail("one\ntwo\n", 8)).isEqualTo(new LogTail("one\ntwo\n", false));
    assertThat(tail("", 8)).isEqualTo(LogTail.EMPTY);
  }

  @Test
  void aLongerLogKeepsItsLastWholeLines() throws IOException {
    assertThat(tail("one\ntwo\nthree\n", 8)).isEqualTo(new LogTail("three\n", true));
    assertThat(tail("one\ntwo\nthree\n", 10)).isEqualTo(new LogTail("three\n", true));
    assertThat(tail("one\ntwo\nthree\n", 11)).isEqualTo(new LogTail("two\nthree\n", true));
  }

  @Test
  void aLogLongerThanTheChunksReadKeepsItsEnd() throws IOException {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      log.append("line ").append(i).append('\n');
    }
    LogTail kept = tail(log.toString(), 1000);
    assertThat(kept.truncated()).isTrue();
    assertThat(kept.text())
        .endsWith("line 9999\n")
        .startsWith("line ")
        .hasSizeLessThanOrEqualTo(1000);
    assertThat(log.toString()).endsWith(kept.text());
  }

  @Test
  void oneLineLongerThanTheBoundKeepsItsEndWithoutAHalfCharacter() throws IOException {
    LogTail kept = tail("ääää", 5);
    assertThat(kept).isEqualTo(new LogTail("ää", true));
  }

  @Test
  void aLastLineLongerThanTheBoundKeepsItsEnd() throws IOException {
    assertThat(tail("one\nseventeen\n", 6)).isEqualTo(new LogTail("nteen\n", true));
  }

  @Test
  void aBoundOfNothingKeepsNothing() throws IOException {
    assertThat(tail("one\n", 0)).isEqualTo(new LogTail("", true));
  }
}
