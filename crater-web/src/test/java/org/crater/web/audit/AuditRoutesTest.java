package org.crater.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditRoutesTest {

  @Test
  void joinsTheClassAndMethodPathsIntoOneTemplate() {
    assertThat(AuditRoutes.template("api/v1/jobs", "{id}/cancel"))
        .isEqualTo("/api/v1/jobs/{id}/cancel");
    assertThat(AuditRoutes.template("/api/v1/jobs/", null)).isEqualTo("/api/v1/jobs");
    assertThat(AuditRoutes.template("", "login")).isEqualTo("/login");
    assertThat(AuditRoutes.template("", null)).isEqualTo("/");
  }

  @Test
  void dropsTheRegularExpressionsOfParameters() {
    assertThat(AuditRoutes.template("api/v1/jobs", "{ id : [0-9]+ }/slo"))
        .isEqualTo("/api/v1/jobs/{id}/slo");
  }

  @Test
  void theObjectIsTheSegmentBeforeTheFirstParameterAndThePathsIds() {
    AuditRoutes.Target job =
        AuditRoutes.target("/api/v1/jobs/{id}/cancel", Map.of("id", List.of("42")), null);
    AuditRoutes.Target member =
        AuditRoutes.target(
            "/api/v1/admin/accounts/{name}/members/{username}",
            Map.of("name", List.of("vision"), "username", List.of("alice")),
            null);

    assertThat(job).isEqualTo(new AuditRoutes.Target("jobs", "42"));
    assertThat(member).isEqualTo(new AuditRoutes.Target("accounts", "vision/alice"));
  }

  @Test
  void aCreateNamesWhatItsLocationPointsAt() {
    AuditRoutes.Target created =
        AuditRoutes.target(
            "/api/v1/jobs", Map.of(), "http://localhost:8080/crater/api/v1/jobs/1001");

    assertThat(created).isEqualTo(new AuditRoutes.Target("jobs", "1001"));
  }

  @Test
  void aRouteWithoutParametersOrLocationNamesNoObject() {
    assertThat(AuditRoutes.target("/api/v1/auth/login", Map.of(), null)).isNull();
    assertThat(AuditRoutes.target("/", Map.of(), "http://x/")).isNull();
  }
}
