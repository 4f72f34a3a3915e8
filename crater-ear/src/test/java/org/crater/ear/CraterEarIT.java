package org.crater.ear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The crater.ear the build produced, deployed unchanged to Payara Server 6 (full) on MariaDB
 * (profile {@code server-it}): it becomes ready and answers the API.
 */
@ExtendWith(ArquillianExtension.class)
class CraterEarIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    File ear = new File(System.getProperty("crater.ear", "target/crater.ear"));
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
  }

  @Test
  void becomesReadyWithItsDatabase() {
    URI ready = URI.create(base.getProtocol() + "://" + base.getAuthority() + "/health/ready");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              HttpResponse<String> response = get(ready);
              assertThat(response.statusCode()).isEqualTo(200);
              assertThat(response.body()).contains("\"status\":\"UP\"").contains("database");
            });
  }

  @Test
  void answersTheVersionCall() throws Exception {
    HttpResponse<String> response = get(base.toURI().resolve("api/v1/version"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(response.body()).contains("\"schemaVersion\"").contains("\"api\":\"v1\"");
  }

  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
