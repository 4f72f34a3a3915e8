package org.crater.web.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.crater.web.common.MalformedJsonException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompatJsonTest {

  record Body(
      @JsonProperty("userName") String userName,
      @JsonProperty("taskID") Long taskID,
      @JsonProperty("resourceRequest") Map<String, String> resourceRequest) {}

  @Test
  void keysBindInAnyCaseAndUnknownKeysAreIgnored() {
    Body body =
        CompatJson.parse(
            json("{\"USERNAME\": \"alice\", \"taskid\": 7, \"colour\": \"red\"}"), Body.class);

    assertThat(body.userName()).isEqualTo("alice");
    assertThat(body.taskID()).isEqualTo(7L);
  }

  @Test
  void quantitiesMayBeNumbersAsInKubernetes() {
    Body body =
        CompatJson.parse(
            json(
                "{\"resourceRequest\": {\"cpu\": 4, \"memory\": \"16Gi\", \"nvidia.com/gpu\": 1}}"),
            Body.class);

    assertThat(body.resourceRequest())
        .containsEntry("cpu", "4")
        .containsEntry("memory", "16Gi")
        .containsEntry("nvidia.com/gpu", "1");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "  \n"})
  void anEmptyBodyBindsAsAnEmptyObject(String empty) {
    assertThat(CompatJson.parse(json(empty), Body.class)).isEqualTo(new Body(null, null, null));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "null",
        "[]",
        "\"text\"",
        "7",
        "{\"userName\": \"a\", \"userName\": \"b\"}",
        "{\"taskID\": 1.5}"
      })
  void aBodyThatIsNotOneJsonObjectIsMalformed(String body) {
    assertThatThrownBy(() -> CompatJson.parse(json(body), Body.class))
        .isInstanceOf(MalformedJsonException.class);
  }

  private static InputStream json(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void writesJsonText() {
    assertThat(CompatJson.text(Map.of("cpu", "4"))).isEqualTo("{\"cpu\":\"4\"}");
    assertThat(CompatJson.text(List.of())).isEqualTo("[]");
  }
}
