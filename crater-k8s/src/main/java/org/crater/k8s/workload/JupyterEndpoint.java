package org.crater.k8s.workload;

/**
 * Where a Jupyter job's notebook answers and the token that opens it. The token is deterministic
 * per job, so every replica of the backend computes the same one; never log it.
 *
 * @param serviceName the ClusterIP Service in front of the pod
 * @param url the in-cluster URL including the token query
 * @param token the notebook token
 */
public record JupyterEndpoint(String serviceName, String url, String token) {

  @Override
  public String toString() {
    return "JupyterEndpoint[serviceName=" + serviceName + "]";
  }
}
