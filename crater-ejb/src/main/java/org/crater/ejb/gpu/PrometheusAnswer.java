package org.crater.ejb.gpu;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the answer of Prometheus' {@code /api/v1/query} into a mean per pod. Series without the
 * namespace or pod label (free GPUs) and {@code NaN} or infinite values (no samples) are left out;
 * several series of one pod (a query that does not aggregate by pod) are averaged. Anything else
 * than a successful instant vector is a {@link GpuUtilisationUnavailableException}.
 */
final class PrometheusAnswer {
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final int MAX_ERROR_CHARS = 300;

  private PrometheusAnswer() {}

  /** The mean utilisation per pod in an answer with HTTP status {@code status}. */
  static Map<PodRef, Double> parse(
      int status, String body, String namespaceLabel, String podLabel) {
    JsonObject answer = read(status, body);
    String outcome = text(answer, "status");
    if ("error".equals(outcome)) {
      throw new GpuUtilisationUnavailableException(
          "Prometheus refused the query (HTTP "
              + status
              + ", "
              + text(answer, "errorType")
              + "): "
              + shorten(text(answer, "error")));
    }
    if (!"success".equals(outcome) || status / 100 != 2) {
      throw new GpuUtilisationUnavailableException(
          "Prometheus answered HTTP " + status + " with status " + outcome);
    }
    JsonObject data = object(answer, "data");
    String type = text(data, "resultType");
    if (!"vector".equals(type)) {
      throw new GpuUtilisationUnavailableException(
          "the utilisation query must return an instant vector, not " + type);
    }
    return means(data.get("result"), namespaceLabel, podLabel);
  }

  private static Map<PodRef, Double> means(
      JsonValue result, String namespaceLabel, String podLabel) {
    if (!(result instanceof JsonArray series)) {
      throw new GpuUtilisationUnavailableException("Prometheus answered a vector without result");
    }
    Map<PodRef, double[]> sums = new HashMap<>();
    for (JsonValue item : series) {
      if (!(item instanceof JsonObject sample)) {
        throw malformed();
      }
      JsonObject metric = object(sample, "metric");
      String namespace = text(metric, namespaceLabel);
      String pod = text(metric, podLabel);
      double value = value(sample);
      if (namespace == null || namespace.isEmpty() || pod == null || pod.isEmpty()) {
        continue;
      }
      if (Double.isFinite(value)) {
        double[] sum = sums.computeIfAbsent(new PodRef(namespace, pod), p -> new double[2]);
        sum[0] += value;
        sum[1]++;
      }
    }
    Map<PodRef, Double> means = new HashMap<>();
    sums.forEach((pod, sum) -> means.put(pod, sum[0] / sum[1]));
    return means;
  }

  /** The sample's value: {@code [timestamp, "text"]}, the text a float, NaN or ±Inf. */
  private static double value(JsonObject sample) {
    JsonValue value = sample.get("value");
    if (!(value instanceof JsonArray pair)
        || pair.size() != 2
        || !(pair.get(1) instanceof JsonString text)) {
      throw malformed();
    }
    String number = text.getString();
    if (number.endsWith("Inf")) {
      return number.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    try {
      return Double.parseDouble(number);
    } catch (NumberFormatException e) {
      throw malformed();
    }
  }

  private static JsonObject read(int status, String body) {
    try (JsonReader reader = JSON.createReader(new StringReader(body == null ? "" : body))) {
      JsonValue value = reader.readValue();
      if (value instanceof JsonObject object) {
        return object;
      }
    } catch (JsonException | IllegalStateException e) {
      // Not JSON at all (a proxy's error page, an empty body): said below.
    }
    throw new GpuUtilisationUnavailableException(
        "Prometheus answered HTTP " + status + " without the JSON of its query API");
  }

  private static JsonObject object(JsonObject parent, String key) {
    JsonValue value = parent.get(key);
    if (value instanceof JsonObject object) {
      return object;
    }
    throw malformed();
  }

  private static String text(JsonObject parent, String key) {
    return parent.get(key) instanceof JsonString s ? s.getString() : null;
  }

  private static String shorten(String text) {
    if (text == null) {
      return "(no explanation)";
    }
    return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "...";
  }

  private static GpuUtilisationUnavailableException malformed() {
    return new GpuUtilisationUnavailableException(
        "Prometheus answered a result that is not an instant vector of samples");
  }
}
