package org.crater.k8s.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;
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
}
