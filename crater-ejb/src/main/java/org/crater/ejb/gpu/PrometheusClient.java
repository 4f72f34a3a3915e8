package org.crater.ejb.gpu;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asks one Prometheus server for the mean GPU utilisation per pod over a window: an instant query
 * (POST {@code /api/v1/query}) of the source's template, with its credentials. Every failure is a
 * {@link GpuUtilisationUnavailableException} whose message names what went wrong, never the
 * credentials.
 */
final class PrometheusClient {
  private static final Logger LOG = Logger.getLogger(PrometheusClient.class.getName());

  private final PrometheusSource source;
  private final HttpClient http;

  PrometheusClient(PrometheusSource source) {
    this.source = source;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(source.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  Map<PodRef, Double> meanPercent(Duration window) {
    String query = PrometheusQuery.render(source.queryTemplate(), window);
    HttpResponse<String> response = send(query);
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw new GpuUtilisationUnavailableException(
          "Prometheus at "
              + source.baseUrl()
              + " refused Crater's credentials (HTTP "
              + status
              + ")");
    }
    return PrometheusAnswer.parse(
        status, response.body(), source.namespaceLabel(), source.podLabel());
  }

  private HttpResponse<String> send(String query) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(source.queryEndpoint())
            .timeout(source.timeout())
            .header("Accept", "application/json")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
    source.authorization().ifPresent(a -> request.header("Authorization", a));
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw unavailable("did not answer within " + source.timeout(), e);
    } catch (ConnectException e) {
      throw unavailable("cannot be reached", e);
    } catch (IOException e) {
      throw unavailable("failed to answer (" + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("was not asked: the caller was interrupted", e);
    }
  }

  private GpuUtilisationUnavailableException unavailable(String what, Exception cause) {
    LOG.log(Level.FINE, "Prometheus request failed url=" + source.baseUrl(), cause);
    return new GpuUtilisationUnavailableException(
        "Prometheus at " + source.baseUrl() + " " + what, cause);
  }
}
