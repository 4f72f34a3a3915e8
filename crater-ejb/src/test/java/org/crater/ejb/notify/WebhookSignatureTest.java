package org.crater.ejb.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  void isHmacSha256OfTheBodyInLowerCaseHex() {
    // RFC 4231, test case 2.
    byte[] body = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);
    assertThat(WebhookSignature.of("Jefe", body))
        .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void matchesOnlyTheSameBodyUnderTheSameSecret() {
    byte[] body = "{\"type\":\"FINISHED\"}".getBytes(StandardCharsets.UTF_8);
    String header = WebhookSignature.of("s3cret", body);
    assertThat(WebhookSignature.matches("s3cret", body, header)).isTrue();
    assertThat(WebhookSignature.matches("s3cret", body, " " + header + " ")).isTrue();
    assertThat(WebhookSignature.matches("other", body, header)).isFalse();
    assertThat(
            WebhookSignature.matches(
                "s3cret", "{\"type\":\"FAILED\"}".getBytes(StandardCharsets.UTF_8), header))
        .isFalse();
    assertThat(WebhookSignature.matches("s3cret", body, null)).isFalse();
    assertThat(WebhookSignature.matches("s3cret", body, header.substring(7))).isFalse();
  }
}
