package org.crater.sim.actor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import org.crater.sim.api.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeAffinityTest {

  private static JsonObject pod(String term) {
    return Json.GSON.fromJson(
        "{\"spec\":{\"affinity\":{\"nodeAffinity\":{\"requiredDuringSchedulingIgnoredDuringExecution\":"
            + "{\"nodeSelectorTerms\":["
            + term
            + "]}}}}}",
        JsonObject.class);
  }

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"matchFields\":[{\"key\":\"metadata.name\",\"operator\":\"NotIn\",\"values\":[\"a1\",\"a2\"]}]}|a1|false",
        "{\"matchFields\":[{\"key\":\"metadata.name\",\"operator\":\"NotIn\",\"values\":[\"a1\",\"a2\"]}]}|a3|true",
        "{\"matchFields\":[{\"key\":\"metadata.name\",\"operator\":\"In\",\"values\":[\"a1\"]}]}|a1|true",
        "{\"matchExpressions\":[{\"key\":\"model\",\"operator\":\"In\",\"values\":[\"A100\"]}]}|a1|true",
        "{\"matchExpressions\":[{\"key\":\"model\",\"operator\":\"NotIn\",\"values\":[\"A100\"]}]}|a1|false",
        "{\"matchExpressions\":[{\"key\":\"zone\",\"operator\":\"Exists\"}]}|a1|false",
      })
  void requiredNodeAffinityIsHonoured(String term, String node, boolean accepted) {
    JsonObject labels = new JsonObject();
    labels.addProperty("model", "A100");

    assertThat(NodeAffinity.accepts(pod(term), node, labels)).isEqualTo(accepted);
  }

  @ParameterizedTest(name = "no affinity accepts {0}")
  @CsvSource({"a1", "b7"})
  void aPodWithoutAffinityGoesAnywhere(String node) {
    assertThat(NodeAffinity.accepts(new JsonObject(), node, new JsonObject())).isTrue();
  }
}
