package org.crater.sim.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Label and field selector parsing and matching against one object. */
class SelectorsTest {
  private static final JsonObject POD =
      Json.parse(
          "{\"metadata\":{\"name\":\"p\",\"namespace\":\"ns\",\"labels\":{\"app\":\"web\","
              + "\"tier\":\"gpu\"}},\"spec\":{\"nodeName\":\"n1\"},\"status\":{\"phase\":\"Running\"}}");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "app=web | true",
        "app==web | true",
        "app=db | false",
        "app!=db | true",
        "missing!=x | true",
        "app in (web,db) | true",
        "app in (db) | false",
        "app notin (db) | true",
        "app notin (web, db) | false",
        "missing notin (x) | true",
        "tier | true",
        "!tier | false",
        "!missing | true",
        "app=web,tier=gpu | true",
        "app=web,tier in (cpu) | false",
        "'' | true"
      })
  void labelSelectors(String selector, boolean matches) {
    assertThat(Selectors.labels(selector).test(POD)).isEqualTo(matches);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "metadata.name=p | true",
        "metadata.namespace=ns | true",
        "spec.nodeName=n1 | true",
        "spec.nodeName!=n1 | false",
        "status.phase=Running,metadata.name=p | true",
        "status.phase==Pending | false"
      })
  void fieldSelectors(String selector, boolean matches) {
    assertThat(Selectors.fields(selector).test(POD)).isEqualTo(matches);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"app in web", "=x", "a b=c"})
  void malformedLabelSelectorsAreBadRequests(String selector) {
    assertThatThrownBy(() -> Selectors.labels(selector))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(400));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"spec.unknownField=x", "nonsense"})
  void unsupportedFieldSelectorsAreBadRequests(String selector) {
    assertThatThrownBy(() -> Selectors.fields(selector))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(400));
  }
}
