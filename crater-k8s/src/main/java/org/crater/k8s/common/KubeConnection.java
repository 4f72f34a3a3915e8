package org.crater.k8s.common;

import io.kubernetes.client.openapi.ApiClient;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The two clients the adapter needs to one API server: {@code requests} with a finite read timeout
 * for ordinary calls, {@code watches} with read timeout 0 for informers, followed logs and other
 * long streams.
 *
 * @param requests client for request/response calls
 * @param watches client for watches and streams
 */
public record KubeConnection(ApiClient requests, ApiClient watches) {

  /** Requires both clients. */
  public KubeConnection {
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(watches, "watches");
  }

  /** Both clients from the current context of a kubeconfig file. */
  public static KubeConnection fromKubeconfig(Path kubeconfig) {
    return new KubeConnection(
        KubeClients.fromKubeconfig(kubeconfig, KubeClients.REQUESTS),
        KubeClients.fromKubeconfig(kubeconfig, KubeClients.WATCH));
  }

  /** Both clients from the pod's service account. */
  public static KubeConnection inCluster() {
    return new KubeConnection(
        KubeClients.inCluster(KubeClients.REQUESTS), KubeClients.inCluster(KubeClients.WATCH));
  }

  /** Both clients for an unauthenticated server at {@code baseUrl} (e.g. the simulated cluster). */
  public static KubeConnection fromUrl(String baseUrl) {
    return new KubeConnection(
        KubeClients.fromUrl(baseUrl, KubeClients.REQUESTS),
        KubeClients.fromUrl(baseUrl, KubeClients.WATCH));
  }
}
