package org.crater.k8s.kind.jupyter;

import java.util.Map;
import java.util.Optional;
import org.crater.k8s.kind.WorkloadKind;

/**
 * A Jupyter notebook: one pod with the notebook port behind a Service (and an Ingress when
 * notebooks are published), reached with a token only its owner sees.
 */
public final class JupyterKind implements WorkloadKind {

  /** The port Jupyter Server listens on. */
  public static final int PORT = 8888;

  /** Where Jupyter Server reads its token. */
  public static final String TOKEN_ENV = "JUPYTER_TOKEN";

  @Override
  public String name() {
    return "JUPYTER";
  }

  @Override
  public Optional<Interactive> interactive() {
    return Optional.of(new Interactive("notebook", PORT, TOKEN_ENV));
  }

  @Override
  public Map<String, String> reservedEnv() {
    return Map.of(TOKEN_ENV, "Crater sets the notebook token of Jupyter jobs itself");
  }
}
