package org.crater.ejb.gpu;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Where GPU utilisation is read: a Prometheus server's base URL, the PromQL template whose {@value
 * #WINDOW} is replaced by the averaging window, the labels that name a series' namespace and pod,
 * the timeouts and the optional credentials (a bearer token, or a user and password for basic
 * authentication). Its {@link #toString()} leaves credentials out.
 */
public record PrometheusSource(
    URI baseUrl,
    String queryTemplate,
    String namespaceLabel,
    String podLabel,
    Duration connectTimeout,
    Duration timeout,
    Optional<String> authorization) {

  /** The placeholder of the averaging window in the query template. */
  public static final String WINDOW = "{window}";

  public PrometheusSource {
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("the Prometheus URL must be an http(s) URL with a host");
    }
    if (baseUrl.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "the Prometheus URL must not carry credentials: set the token or user and password");
    }
    requireText(queryTemplate, "the query");
    requireText(namespaceLabel, "the namespace label");
    requireText(podLabel, "the pod label");
    if (!positive(connectTimeout) || !positive(timeout)) {
      throw new IllegalArgumentException("the Prometheus timeouts must be positive");
    }
  }

  /** The {@code Authorization} header value of a bearer token, of a user and password, or none. */
  public static Optional<String> authorization(
      Optional<String> token, Optional<String> user, Optional<String> password) {
    if (token.isPresent() && user.isPresent()) {
      throw new IllegalArgumentException("set either the token or the user and password, not both");
    }
    if (token.isPresent()) {
      return Optional.of("Bearer " + token.get().trim());
    }
    return user.map(
        u ->
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (u + ":" + password.orElse("")).getBytes(StandardCharsets.UTF_8)));
  }

  /** The instant-query endpoint of the server. */
  URI queryEndpoint() {
    String base = baseUrl.toString();
    return URI.create(base.endsWith("/") ? base + "api/v1/query" : base + "/api/v1/query");
  }

  @Override
  public String toString() {
    return "PrometheusSource[url="
        + baseUrl
        + ", query="
        + queryTemplate
        + ", labels="
        + namespaceLabel
        + "/"
        + podLabel
        + ", timeout="
        + timeout
        + ", authentication="
        + authorization.map(a -> a.substring(0, a.indexOf(' '))).orElse("none")
        + "]";
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
  }

  private static boolean positive(Duration d) {
    return d != null && !d.isNegative() && !d.isZero();
  }
}
