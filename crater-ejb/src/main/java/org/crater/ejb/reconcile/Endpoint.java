package org.crater.ejb.reconcile;

/**
 * Where a running interactive job (a notebook, a WebIDE) answers. Shown to its owner only; never
 * logged.
 *
 * @param url the URL to open: public behind its Ingress, or in the cluster; with the secret in it
 *     when the kind's server reads it from the URL (a notebook's {@code ?token=})
 * @param secret the notebook token or WebIDE password
 * @param secretName what the secret is to the server: {@code token} or {@code password}
 */
public record Endpoint(String url, String secret, String secretName) {

  @Override
  public String toString() {
    return "Endpoint[url hidden]";
  }
}
