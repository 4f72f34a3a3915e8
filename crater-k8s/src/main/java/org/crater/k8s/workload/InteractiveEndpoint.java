package org.crater.k8s.workload;

/**
 * Where an interactive job (a notebook, a WebIDE) answers and the secret that opens it. The secret
 * is stored with the job (or derived from the job id for old notebooks), so every replica of the
 * backend shows the same one; show it to the job's owner only and never log it.
 *
 * @param serviceName the ClusterIP Service in front of the pod
 * @param url the URL to open: public behind its Ingress or in the cluster, with the secret in it
 *     when the kind's server reads it from the URL
 * @param secret the token or password
 * @param secretName what the secret is to the server, e.g. {@code token} or {@code password}
 */
public record InteractiveEndpoint(
    String serviceName, String url, String secret, String secretName) {

  @Override
  public String toString() {
    return "InteractiveEndpoint[serviceName=" + serviceName + "]";
  }
}
