package org.crater.web.compat;

import java.util.Set;
import java.util.stream.Collectors;
import org.crater.web.common.Problem;

/**
 * Translates a native problem document into the v0.1.0 error body and code. v0.1.0's token checks
 * answered {@code 401} with 40106 (no token), 40105 (invalid or expired: the frontend refreshes),
 * 40104 (the token's user is gone) and 40107 (not an administrator: the frontend leaves the admin
 * pages); its login, refresh and sign-up routes had codes of their own. Every other error keeps its
 * HTTP status and gets {@code status * 100 + 1} (404 → 40401, 409 → 40901, 422 → 42201, 500 →
 * 50001).
 */
public final class CompatErrors {

  public static final int BAD_REQUEST = 40001;
  public static final int LOGIN_BAD_REQUEST = 40002;
  public static final int REFRESH_BAD_REQUEST = 40003;
  public static final int SIGNUP_BAD_REQUEST = 40004;
  public static final int INVALID_ROLE = 40005;
  public static final int WRONG_CREDENTIALS = 40101;
  public static final int REFRESH_FAILED = 40102;
  public static final int TOKEN_USER_GONE = 40104;
  public static final int TOKEN_INVALID = 40105;
  public static final int TOKEN_MISSING = 40106;
  public static final int NOT_ADMIN = 40107;

  /**
   * The native code of a sign-up that asks for a role v0.1.0 would refuse or Crater never grants.
   */
  public static final String INVALID_ROLE_CODE = "invalid-role";

  /** Native codes of the checks on the caller before a route runs: v0.1.0 answered them bare. */
  private static final Set<String> CALLER_CHECKS =
      Set.of(
          "authentication-required",
          "invalid-token",
          "token-expired",
          "token-revoked",
          "user-disabled",
          "admin-only");

  private CompatErrors() {}

  /**
   * What a route is, as far as its errors are concerned.
   *
   * @param envelope whether it answers in the {@code {status, error, data}} envelope
   * @param open whether it needs no token (login, sign-up, refresh): a 401 there is about the
   *     credentials in the body, never about the caller's token
   * @param badRequest its code for a body it cannot bind
   */
  public record Route(boolean envelope, boolean open, int badRequest) {}

  /**
   * The v0.1.0 answer.
   *
   * @param status the HTTP status
   * @param body the error body
   */
  public record Translation(int status, CompatError body) {}

  public static Translation translate(Problem problem, Route route) {
    int code = code(problem, route);
    // v0.1.0 refused non-administrators with 401, and the frontend only looks at the code.
    int status = code == NOT_ADMIN ? 401 : problem.status();
    boolean bare = !route.envelope() || CALLER_CHECKS.contains(problem.code());
    return new Translation(status, new CompatError(bare ? null : false, message(problem), code));
  }

  static int code(Problem problem, Route route) {
    String code = problem.code() == null ? "" : problem.code();
    return switch (problem.status()) {
      case 400 -> INVALID_ROLE_CODE.equals(code) ? INVALID_ROLE : route.badRequest();
      case 401 -> route.open() ? credentials(code) : token(code);
      case 403 -> "admin-only".equals(code) ? NOT_ADMIN : 40301;
      default -> problem.status() * 100 + 1;
    };
  }

  private static int credentials(String code) {
    return "invalid-credentials".equals(code) ? WRONG_CREDENTIALS : REFRESH_FAILED;
  }

  private static int token(String code) {
    return switch (code) {
      case "authentication-required" -> TOKEN_MISSING;
      case "token-revoked" -> TOKEN_USER_GONE;
      default -> TOKEN_INVALID;
    };
  }

  /**
   * The problem's detail, followed by its field errors, e.g. {@code "...: taskName: must not be
   * blank"}.
   */
  static String message(Problem problem) {
    String detail = problem.detail() == null ? problem.title() : problem.detail();
    if (problem.errors() == null || problem.errors().isEmpty()) {
      return detail;
    }
    return detail
        + " "
        + problem.errors().stream()
            .map(error -> error.field() + ": " + error.message())
            .collect(Collectors.joining("; "));
  }
}
