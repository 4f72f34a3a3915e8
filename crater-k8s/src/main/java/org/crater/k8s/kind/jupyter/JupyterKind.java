package org.crater.k8s.kind.jupyter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.crater.k8s.kind.WorkloadKind;

/**
 * A Jupyter notebook: one pod with the notebook port behind a Service (and an Ingress when
 * notebooks are published), reached with a token in its URL that only its owner sees. Published, it
 * is told its base URL the usual ways of starting Jupyter read it.
 */
public final class JupyterKind implements WorkloadKind {

  /** The port Jupyter Server listens on. */
  public static final int PORT = 8888;

  /** Where Jupyter Server reads its token. */
  public static final String TOKEN_ENV = "JUPYTER_TOKEN";

  /** Extra command-line arguments the docker-stacks start script appends. */
  static final String NOTEBOOK_ARGS_ENV = "NOTEBOOK_ARGS";

  @Override
  public String name() {
    return "JUPYTER";
  }

  @Override
  public Optional<Interactive> interactive() {
    return Optional.of(new Interactive("notebook", PORT, TOKEN_ENV, "token", "token", false));
  }

  /**
   * The base URL for the usual ways of starting Jupyter: the docker-stacks start script appends
   * {@code NOTEBOOK_ARGS} (after the job's own), Kubeflow-style images read {@code NB_PREFIX}.
   */
  @Override
  public Map<String, String> baseUrlEnv(String basePath, Map<String, String> jobEnv) {
    String own = jobEnv.getOrDefault(NOTEBOOK_ARGS_ENV, "").trim();
    String flag = "--ServerApp.base_url=" + basePath;
    Map<String, String> env = new LinkedHashMap<>();
    env.put("NB_PREFIX", basePath.substring(0, basePath.length() - 1));
    env.put(NOTEBOOK_ARGS_ENV, own.isEmpty() ? flag : own + " " + flag);
    return env;
  }

  @Override
  public Map<String, String> reservedEnv() {
    return Map.of(TOKEN_ENV, "Crater sets the notebook token of Jupyter jobs itself");
  }
}
