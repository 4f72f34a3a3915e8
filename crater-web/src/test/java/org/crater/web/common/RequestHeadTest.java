package org.crater.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.crater.web.common.RequestHead.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestHeadTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/jobs",
        "/api/v1/jobs?page=2&size=20",
        "/api/v1/accounts/lab%20one",
        "/api/v1/users/%E5%BC%A0%E4%B8%89",
        "/api/v1/jobs?name=a%2Bb&q=%25",
        "/api/v1/jobs?",
        "/api/v1/users/张三",
        "/"
      })
  void passesWhatTheContainerDecodes(String target) {
    assertThat(refusal("GET", target)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/jobs%zz", "/jobs%", "/jobs%4", "/jobs%g1/1", "/%%3"})
  void refusesAMalformedPercentEncodingInThePath(String target) {
    assertThat(refusal("POST", target))
        .contains(new Refusal(400, "malformed-path", "The path has a malformed percent-encoding."));
  }

  @Test
  void refusesNulBackslashAndInvalidUtf8InThePath() {
    assertThat(detail(refusal("GET", "/api/v1/jobs%00"))).contains("NUL");
    assertThat(detail(refusal("GET", "/api/v1/jobs%5c1"))).contains("backslash");
    assertThat(detail(refusal("GET", "/api/v1/jobs%5C1"))).contains("backslash");
    assertThat(detail(refusal("GET", "/api/v1\\jobs"))).contains("backslash");
    assertThat(detail(refusal("GET", "/api/v1/users/%C3%28"))).contains("UTF-8");
    assertThat(detail(refusal("GET", "/api/v1/users/%FF"))).contains("UTF-8");
  }

  @Test
  void refusesAMalformedPercentEncodingInTheQuery() {
    assertThat(refusal("GET", "/api/v1/jobs?page=%zz"))
        .map(Refusal::code)
        .contains("malformed-query");
    // Anything in a query that decodes is the route's to judge, NUL included.
    assertThat(refusal("GET", "/api/v1/jobs?name=%00")).isEmpty();
  }

  @Test
  void refusesTrace() {
    assertThat(refusal("TRACE", "/api/v1/jobs")).map(Refusal::status).contains(405);
  }

  @Test
  void decodesEachEscapeToOneByte() {
    assertThat(RequestHead.decode("a%41%e5b")).containsExactly('a', 'A', 0xe5, 'b');
    assertThat(RequestHead.decode("a%4")).isNull();
    assertThat(RequestHead.decode("é")).containsExactly(0xc3, 0xa9);
  }

  @Test
  void refusesAHeaderBlockOverTheBound() {
    assertThat(new RequestHead("GET", "/api/v1/jobs", null, 16 * 1024).refusal(16 * 1024))
        .isEmpty();
    assertThat(new RequestHead("GET", "/api/v1/jobs", null, 16 * 1024 + 1).refusal(16 * 1024))
        .map(Refusal::status)
        .contains(431);
  }

  private static Optional<Refusal> refusal(String method, String target) {
    int query = target.indexOf('?');
    return query < 0
        ? new RequestHead(method, target, null, 100).refusal(16 * 1024)
        : new RequestHead(method, target.substring(0, query), target.substring(query + 1), 100)
            .refusal(16 * 1024);
  }

  private static String detail(Optional<Refusal> refusal) {
    assertThat(refusal).map(Refusal::status).contains(400);
    return refusal.orElseThrow().detail();
  }
}
