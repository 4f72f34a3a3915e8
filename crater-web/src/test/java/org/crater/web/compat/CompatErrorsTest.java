package org.crater.web.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.crater.web.common.Problem;
import org.crater.web.common.Problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompatErrorsTest {

  private static final CompatErrors.Route TASKS = new CompatErrors.Route(true, false, 40001);
  private static final CompatErrors.Route LOGIN = new CompatErrors.Route(false, true, 40002);

  private static Problem problem(int status, String code) {
    return new Problem(null, "Title", status, "Detail.", "/crater/x", code, null, List.of());
  }

  @ParameterizedTest(name = "{0}: {1} {2} on {3} -> {4} {5}, enveloped: {6}")
  @CsvSource({
    "no token,            401, authentication-required, tasks, 401, 40106, false",
    "expired token,       401, token-expired,           tasks, 401, 40105, false",
    "forged token,        401, invalid-token,           tasks, 401, 40105, false",
    "token of a gone user, 401, token-revoked,          tasks, 401, 40104, false",
    "not an admin,        403, admin-only,              tasks, 401, 40107, false",
    "disabled user,       403, user-disabled,           tasks, 403, 40301, false",
    "wrong password,      401, invalid-credentials,     login, 401, 40101, false",
    "used refresh token,  401, token-revoked,           login, 401, 40102, false",
    "bad login body,      400, validation-failed,       login, 400, 40002, false",
    "admin sign-up,       400, invalid-role,            login, 400, 40005, false",
    "bad task body,       400, invalid-resources,       tasks, 400, 40001, true",
    "another's task,      404, job-not-found,           tasks, 404, 40401, true",
    "ended task,          409, job-finished,            tasks, 409, 40901, true",
    "quota too small,     422, quota-exceeded,          tasks, 422, 42201, true",
    "throttled,           429, too-many-attempts,       login, 429, 42901, false",
    "our fault,           500, internal-error,          tasks, 500, 50001, true",
    "not offered,         501, not-implemented,         tasks, 501, 50101, true"
  })
  void translatesNativeProblemsToV010Codes(
      String name,
      int status,
      String code,
      String route,
      int httpStatus,
      int errorCode,
      boolean enveloped) {
    CompatErrors.Translation answer =
        CompatErrors.translate(problem(status, code), route.equals("login") ? LOGIN : TASKS);

    assertThat(answer.status()).isEqualTo(httpStatus);
    assertThat(answer.body().errorCode()).isEqualTo(errorCode);
    assertThat(answer.body().status()).isEqualTo(enveloped ? Boolean.FALSE : null);
    assertThat(answer.body().error()).isEqualTo("Detail.");
  }

  @Test
  void theMessageNamesEveryRejectedField() {
    Problem invalid =
        new Problem(
            null,
            "Bad Request",
            400,
            "The request has invalid fields.",
            null,
            "validation-failed",
            null,
            List.of(
                new FieldError("image", "must not be blank"),
                new FieldError("taskName", "must not be blank")));

    assertThat(CompatErrors.translate(invalid, TASKS).body().error())
        .isEqualTo(
            "The request has invalid fields. image: must not be blank; taskName: must not be"
                + " blank");
  }
}
