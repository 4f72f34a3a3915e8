package org.crater.k8s.kind.webide;

import java.util.Map;
import java.util.Optional;
import org.crater.k8s.kind.WorkloadKind;

/**
 * A VS Code in the browser (code-server): one pod with code-server's port behind a Service (and an
 * Ingress when interactive jobs are published), opened with a password only its owner sees.
 * code-server listens on {@value #PORT} and, with {@code --auth password} (its default), reads the
 * password from {@value #PASSWORD_ENV}; it knows no base URL and serves at {@code /} with relative
 * links, so its Ingress strips the path prefix.
 */
public final class WebIdeKind implements WorkloadKind {

  /** The port code-server listens on by default. */
  public static final int PORT = 8080;

  /** Where code-server reads its password. */
  public static final String PASSWORD_ENV = "PASSWORD";

  /** A hashed password code-server prefers to {@value #PASSWORD_ENV}. */
  public static final String HASHED_PASSWORD_ENV = "HASHED_PASSWORD";

  @Override
  public String name() {
    return "WEBIDE";
  }

  @Override
  public Optional<Interactive> interactive() {
    return Optional.of(new Interactive("webide", PORT, PASSWORD_ENV, "password", null, true));
  }

  @Override
  public Map<String, String> reservedEnv() {
    return Map.of(
        PASSWORD_ENV,
        "Crater sets the password of WebIDE jobs itself",
        HASHED_PASSWORD_ENV,
        "Crater sets the password of WebIDE jobs itself; a hashed one would replace it");
  }
}
