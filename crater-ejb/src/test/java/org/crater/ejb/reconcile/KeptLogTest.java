package org.crater.ejb.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeptLogTest {

  private static final KeptLog LOG = new KeptLog(2, "one\ntwo\nthree\n", true);

  @Test
  void lastLinesAnswerLikeTheLiveLogsTail() {
    assertThat(LOG.lastLines(null)).isEqualTo("one\ntwo\nthree\n");
    assertThat(LOG.lastLines(1)).isEqualTo("three\n");
    assertThat(LOG.lastLines(2)).isEqualTo("two\nthree\n");
    assertThat(LOG.lastLines(3)).isEqualTo("one\ntwo\nthree\n");
    assertThat(LOG.lastLines(100)).isEqualTo("one\ntwo\nthree\n");
  }

  @Test
  void aLastLineWithoutItsNewlineCountsAsALine() {
    KeptLog open = new KeptLog(1, "one\ntwo", false);
    assertThat(open.lastLines(1)).isEqualTo("two");
    assertThat(open.lastLines(2)).isEqualTo("one\ntwo");
    assertThat(new KeptLog(1, "", false).lastLines(5)).isEmpty();
    assertThat(new KeptLog(1, "\n\nx\n", false).lastLines(2)).isEqualTo("\nx\n");
  }

  @Test
  void theStreamEndsWithTheLines() throws IOException {
    assertThat(new String(LOG.stream(2).readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("two\nthree\n");
  }
}
