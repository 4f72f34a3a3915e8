package org.crater.web.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompatJsonTest {

  record Body(
      @JsonProperty("userName") String userName,
      @JsonProperty("taskID") Long taskID,
      @JsonProperty("resourceRequest") Map<String, String> resourceRequest) {}

  @Test
  void keysBindInAnyCaseAndUnknownKeysAreIgnored() {
    Body body =
        CompatJson.parse(
            "{\"USERNAME\": \"alice\", \"taskid\": 7, \"colour\": \"red\"}", Body.class);

    assertThat(body.userName()).isEqualTo("alice");
    assertThat(body.taskID()).isEqualTo(7L);
  }

  @Test
  void quantitiesMayBeNumbersAsInKubernetes() {
    Body body =
        CompatJson.parse(
            "{\"resourceRequest\": {\"cpu\": 4, \"memory\": \"16Gi\", \"nvidia.com/gpu\": 1}}",
            Body.class);

    assertThat(body.resourceRequest())
        .containsEntry("cpu", "4")
        .containsEntry("memory", "16Gi")
        .containsEntry("nvidia.com/gpu", "1");
  }

  @Test
  void anEmptyBodyBindsAsAnEmptyObject() {
    assertThat(CompatJson.parse("", Body.class)).isEqualTo(new Body(null, null, null));
  }

  @Test
  void writesJsonText() {
    assertThat(CompatJson.text(Map.of("cpu", "4"))).isEqualTo("{\"cpu\":\"4\"}");
    assertThat(CompatJson.text(List.of())).isEqualTo("[]");
  }
}
