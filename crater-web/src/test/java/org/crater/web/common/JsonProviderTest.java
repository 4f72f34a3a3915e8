package org.crater.web.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import org.crater.web.job.SubmitJobRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonProviderTest {

  private static final String JOB =
      "{\"name\": \"n\", \"kind\": \"PYTORCH\", \"taskType\": \"TRAINING\", \"slo\": \"BEST_EFFORT\","
          + " \"image\": \"busybox\", \"command\": [\"true\"], \"resources\": {\"cpu\": \"1\"},"
          + " \"replicas\": %s}";

  private static Object read(String json) throws Exception {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<Object> type = (Class) SubmitJobRequest.class;
    return new JsonProvider()
        .readFrom(
            type,
            SubmitJobRequest.class,
            new Annotation[0],
            MediaType.APPLICATION_JSON_TYPE,
            null,
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest(name = "replicas {0}")
  @CsvSource({"1.5", "2.0", "1e0"})
  void aFractionIsNeverRoundedToAWholeNumber(String replicas) {
    assertThatThrownBy(() -> read(JOB.formatted(replicas)))
        .isInstanceOfSatisfying(
            MalformedJsonException.class, e -> assertThat(e.field()).isEqualTo("replicas"));
  }

  @Test
  void aWholeNumberIsRead() throws Exception {
    assertThat(((SubmitJobRequest) read(JOB.formatted("2"))).replicas()).isEqualTo(2);
  }
}
