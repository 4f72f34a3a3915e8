package org.crater.ejb.reconcile;

/**
 * Where a running Jupyter job answers. Shown to its owner only; never logged.
 *
 * @param url the URL to open, token included: public behind its Ingress, or in the cluster
 * @param token the notebook token
 */
public record Notebook(String url, String token) {

  @Override
  public String toString() {
    return "Notebook[url hidden]";
  }
}
