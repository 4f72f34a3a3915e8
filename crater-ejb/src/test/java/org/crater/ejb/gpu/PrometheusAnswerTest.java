package org.crater.ejb.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Answers of Prometheus' /api/v1/query in the shapes Prometheus 2.x writes them. */
class PrometheusAnswerTest {

  private static Map<PodRef, Double> parse(int status, String body) {
    return PrometheusAnswer.parse(status, body, "namespace", "pod");
  }

  private static String vector(String... results) {
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
        + String.join(",", results)
        + "]}}";
  }

  private static String sample(String labels, String value) {
    return "{\"metric\":{" + labels + "},\"value\":[1733403600.123,\"" + value + "\"]}";
  }

  @Test
  void eachPodGetsItsMean() {
    Map<PodRef, Double> means =
        parse(
            200,
            vector(
                sample("\"namespace\":\"crater-jobs\",\"pod\":\"crater-1-1\"", "3.5"),
                sample("\"namespace\":\"crater-jobs\",\"pod\":\"crater-2-1\"", "97")));
    assertThat(means)
        .containsOnly(
            Map.entry(new PodRef("crater-jobs", "crater-1-1"), 3.5),
            Map.entry(new PodRef("crater-jobs", "crater-2-1"), 97.0));
  }

  @Test
  void anEmptyVectorIsNoPodAtAll() {
    assertThat(parse(200, vector())).isEmpty();
  }

  @Test
  void seriesWithoutAPodAndSamplesWithoutAValueAreLeftOut() {
    Map<PodRef, Double> means =
        parse(
            200,
            vector(
                sample("", "0"),
                sample("\"namespace\":\"\",\"pod\":\"\"", "0"),
                sample("\"namespace\":\"a\"", "10"),
                sample("\"namespace\":\"a\",\"pod\":\"nan\"", "NaN"),
                sample("\"namespace\":\"a\",\"pod\":\"inf\"", "+Inf"),
                sample("\"namespace\":\"a\",\"pod\":\"p\"", "1e1")));
    assertThat(means).containsOnly(Map.entry(new PodRef("a", "p"), 10.0));
  }

  @Test
  void severalSeriesOfOnePodAreAveraged() {
    Map<PodRef, Double> means =
        parse(
            200,
            vector(
                sample("\"gpu\":\"0\",\"namespace\":\"a\",\"pod\":\"p\"", "10"),
                sample("\"gpu\":\"1\",\"namespace\":\"a\",\"pod\":\"p\"", "40")));
    assertThat(means.get(new PodRef("a", "p"))).isCloseTo(25.0, within(1e-9));
  }

  @Test
  void otherLabelNamesAreRead() {
    Map<PodRef, Double> means =
        PrometheusAnswer.parse(
            200,
            vector(sample("\"exported_namespace\":\"a\",\"exported_pod\":\"p\"", "5")),
            "exported_namespace",
            "exported_pod");
    assertThat(means).containsOnly(Map.entry(new PodRef("a", "p"), 5.0));
  }

  @Test
  void aRefusedQueryIsUnavailableWithPrometheusExplanation() {
    String body =
        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter"
            + " \\\"query\\\": 1:10: parse error: unexpected \\\"}\\\"\"}";
    assertThatThrownBy(() -> parse(400, body))
        .isInstanceOf(GpuUtilisationUnavailableException.class)
        .hasMessageContaining("HTTP 400")
        .hasMessageContaining("bad_data")
        .hasMessageContaining("parse error");
  }

  @Test
  void aTimedOutEvaluationIsUnavailable() {
    String body = "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out\"}";
    assertThatThrownBy(() -> parse(503, body))
        .isInstanceOf(GpuUtilisationUnavailableException.class)
        .hasMessageContaining("timeout");
  }

  @Test
  void somethingElseThanTheApiJsonIsUnavailable() {
    assertThatThrownBy(() -> parse(502, "<html><body>Bad Gateway</body></html>"))
        .isInstanceOf(GpuUtilisationUnavailableException.class)
        .hasMessage("Prometheus answered HTTP 502 without the JSON of its query API");
    assertThatThrownBy(() -> parse(200, "")).isInstanceOf(GpuUtilisationUnavailableException.class);
    assertThatThrownBy(() -> parse(200, "[1,2]"))
        .isInstanceOf(GpuUtilisationUnavailableException.class);
    assertThatThrownBy(() -> parse(500, vector()))
        .isInstanceOf(GpuUtilisationUnavailableException.class)
        .hasMessageContaining("HTTP 500");
  }

  @Test
  void aQueryThatIsNotAnInstantVectorIsUnavailable() {
    String matrix = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}";
    String scalar =
        "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"2\"]}}";
    assertThatThrownBy(() -> parse(200, matrix))
        .isInstanceOf(GpuUtilisationUnavailableException.class)
        .hasMessageContaining("instant vector, not matrix");
    assertThatThrownBy(() -> parse(200, scalar))
        .isInstanceOf(GpuUtilisationUnavailableException.class)
        .hasMessageContaining("not scalar");
  }

  @Test
  void aSampleThatIsNotANumberIsUnavailable() {
    assertThatThrownBy(() -> parse(200, vector(sample("\"namespace\":\"a\",\"pod\":\"p\"", "x"))))
        .isInstanceOf(GpuUtilisationUnavailableException.class);
    String noValue = vector("{\"metric\":{\"namespace\":\"a\",\"pod\":\"p\"}}");
    assertThatThrownBy(() -> parse(200, noValue))
        .isInstanceOf(GpuUtilisationUnavailableException.class);
  }
}
