package org.crater.k8s.common;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Builds client-java {@link ApiClient}s from a kubeconfig file, the pod's service account, or a
 * plain base URL. Clients meant for watches and informers get read timeout 0 ({@link #WATCH}),
 * because a watch stays open for minutes; request/response clients should use a finite read
 * timeout.
 */
public final class KubeClients {

  /** Read timeout for watch and informer clients: none. */
  public static final Duration WATCH = Duration.ZERO;

  /** A reasonable read timeout for ordinary requests. */
  public static final Duration REQUESTS = Duration.ofSeconds(30);

  private KubeClients() {}

  /** A client for the current context of a kubeconfig file. */
  public static ApiClient fromKubeconfig(Path kubeconfig, Duration readTimeout) {
    try (Reader reader = Files.newBufferedReader(kubeconfig, StandardCharsets.UTF_8)) {
      KubeConfig config = KubeConfig.loadKubeConfig(reader);
      config.setFile(kubeconfig.toFile());
      return withReadTimeout(ClientBuilder.kubeconfig(config).build(), readTimeout);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read kubeconfig " + kubeconfig, e);
    }
  }

  /** A client for the API server of the cluster this process runs in, using its service account. */
  public static ApiClient inCluster(Duration readTimeout) {
    try {
      return withReadTimeout(ClientBuilder.cluster().build(), readTimeout);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the in-cluster service account", e);
    }
  }

  /** A client for an unauthenticated API server at {@code baseUrl}, e.g. the simulated cluster. */
  public static ApiClient fromUrl(String baseUrl, Duration readTimeout) {
    return withReadTimeout(new ClientBuilder().setBasePath(baseUrl).build(), readTimeout);
  }

  private static ApiClient withReadTimeout(ApiClient client, Duration readTimeout) {
    client.setHttpClient(client.getHttpClient().newBuilder().readTimeout(readTimeout).build());
    return client;
  }
}
