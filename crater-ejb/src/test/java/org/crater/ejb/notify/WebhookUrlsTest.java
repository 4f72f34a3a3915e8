package org.crater.ejb.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlsTest {

  @Test
  void takesHttpAndHttpsUrls() {
    assertThat(WebhookUrls.check("https://hooks.lab.example/crater?x=1").getHost())
        .isEqualTo("hooks.lab.example");
    assertThat(WebhookUrls.check(" http://127.0.0.1:9000/hook ").getPort()).isEqualTo(9000);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "ftp://files.example/x",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "hooks.example/no-scheme",
        "http:///no-host",
        "https://user:pass@hooks.example/x",
        "https://hooks.example/x#fragment",
        "http://bad host/",
      })
  void refusesEverythingElseWith400(String url) {
    assertThatThrownBy(() -> WebhookUrls.check(url))
        .isInstanceOfSatisfying(
            InvalidWebhookException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.fieldErrors()).containsKey("url");
            });
  }

  @Test
  void refusesNoneAndOverlongUrls() {
    assertThatThrownBy(() -> WebhookUrls.check(null)).isInstanceOf(InvalidWebhookException.class);
    assertThatThrownBy(() -> WebhookUrls.check("https://h.example/" + "a".repeat(2048)))
        .isInstanceOf(InvalidWebhookException.class);
  }
}
