package org.crater.k8s.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiErrorsTest {

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource({
    "no answer,          0,   ClusterUnavailableException",
    "request timeout,    408, ClusterUnavailableException",
    "too many requests,  429, ClusterUnavailableException",
    "internal error,     500, ClusterUnavailableException",
    "service unavailable, 503, ClusterUnavailableException",
    "bad request,        400, ClusterRejectedException",
    "unprocessable,      422, ClusterRejectedException",
    "forbidden,          403, ClusterException",
    "unexpected conflict, 409, ClusterException"
  })
  void mapsStatusToException(String name, int code, String expected) {
    ApiException e =
        code == 0 ? new ApiException(new IOException("refused")) : new ApiException(code, "body");
    ClusterException mapped = ApiErrors.translate("create pod x", e);
    assertThat(mapped.getClass().getSimpleName()).isEqualTo(expected);
    assertThat(mapped.httpStatus()).isEqualTo(code);
    assertThat(mapped.getMessage()).startsWith("create pod x failed").doesNotContain("body");
  }

  @Test
  void aRefusalKeepsTheServersExplanationOutOfItsMessage() {
    String status =
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Invalid\","
            + "\"message\":\"Pod \\\"crater-7-1\\\" is invalid: spec.containers[0].volumeMounts[1]"
            + ".mountPath: Invalid value: \\\"/data\\\": must be unique\",\"code\":422}";

    ClusterException mapped =
        ApiErrors.translate("create pod crater-7-1", new ApiException(422, null, status));

    assertThat(mapped).isInstanceOf(ClusterRejectedException.class);
    assertThat(mapped.getMessage())
        .isEqualTo("create pod crater-7-1 failed: status=422 reason=Invalid");
    assertThat(((ClusterRejectedException) mapped).clusterMessage())
        .isEqualTo(
            "Pod \"crater-7-1\" is invalid: spec.containers[0].volumeMounts[1].mountPath: Invalid"
                + " value: \"/data\": must be unique");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no body          | ",
        "not JSON         | <html>Bad Request</html>",
        "not a Status     | {\"kind\":\"Pod\",\"message\":\"x\"}"
      })
  void aRefusalWithoutAStatusExplainsItselfByItsMessage(String name, String body) {
    ClusterException mapped =
        ApiErrors.translate("create pod y", new ApiException(400, null, body));

    assertThat(((ClusterRejectedException) mapped).clusterMessage())
        .isEqualTo("create pod y failed: status=400");
  }

  @Test
  void aLongExplanationIsCutAndControlCharactersBecomeSpaces() {
    String status =
        "{\"kind\":\"Status\",\"message\":\"a\\nb" + "x".repeat(5000) + "\",\"code\":422}";

    String kept =
        ((ClusterRejectedException)
                ApiErrors.translate("create pod z", new ApiException(422, null, status)))
            .clusterMessage();

    assertThat(kept).startsWith("a b").hasSize(ApiErrors.MAX_MESSAGE);
  }
}
