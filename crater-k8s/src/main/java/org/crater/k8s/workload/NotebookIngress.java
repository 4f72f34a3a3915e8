package org.crater.k8s.workload;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * How interactive jobs (notebooks, WebIDEs) are published outside the cluster: one Ingress per
 * attempt, routing {@code <pathPrefix><objectName>/} on {@code host} to the attempt's Service. A
 * server that takes a base URL is given that same path, so every link it writes stays behind the
 * Ingress; one that serves at {@code /} gets the prefix stripped. Disabled, they answer only on
 * their in-cluster Service.
 *
 * @param enabled create an Ingress per notebook
 * @param className the IngressClass, null for the cluster's default class
 * @param host the host the rule matches, null for any host
 * @param pathPrefix where notebook paths start; begins and ends with {@code /}
 * @param tlsSecret the TLS Secret of {@code host} in the jobs namespace, null for no TLS section
 * @param publicUrl the base URL users reach the ingress controller at, without a trailing slash
 * @param annotations copied onto every notebook Ingress (controller settings such as body size)
 */
public record NotebookIngress(
    boolean enabled,
    String className,
    String host,
    String pathPrefix,
    String tlsSecret,
    String publicUrl,
    Map<String, String> annotations) {

  public static final String DEFAULT_PATH_PREFIX = "/jupyter/";

  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern HOST = Pattern.compile("(\\*\\.)?" + SUBDOMAIN.pattern());
  private static final Pattern PREFIX = Pattern.compile("/([A-Za-z0-9._~-]+/)*");
  private static final Pattern URL = Pattern.compile("https?://[^/?#\\s]+(/[^?#\\s]*)?");

  /**
   * Normalises blanks to null, the prefix to {@code /.../} and the public URL to no trailing slash
   * (derived from the host, {@code https} with a TLS Secret, when not given); rejects what an API
   * server would refuse or a browser could not open, naming the setting.
   */
  public NotebookIngress {
    className = blankToNull(className);
    host = blankToNull(host);
    tlsSecret = blankToNull(tlsSecret);
    publicUrl = blankToNull(publicUrl);
    pathPrefix = normalisedPrefix(pathPrefix);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    if (enabled) {
      requireMatch("class", className, SUBDOMAIN);
      requireMatch("host", host, HOST);
      requireMatch("tls-secret", tlsSecret, SUBDOMAIN);
      if (publicUrl == null && (host == null || host.startsWith("*."))) {
        throw new IllegalArgumentException(
            "notebook ingresses need a host (not a wildcard) or a public URL to show users");
      }
      if (publicUrl == null) {
        publicUrl = (tlsSecret == null ? "http://" : "https://") + host;
      }
      requireMatch("public-url", publicUrl, URL);
      publicUrl =
          publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
  }

  /** No Ingress; notebooks keep their in-cluster URL. */
  public static NotebookIngress disabled() {
    return new NotebookIngress(false, null, null, DEFAULT_PATH_PREFIX, null, null, Map.of());
  }

  /** The path of one attempt's notebook, {@code <pathPrefix><objectName>/}: its base URL. */
  public String path(String objectName) {
    return pathPrefix + objectName + "/";
  }

  /** The URL a user opens, without any secret: the public URL and the attempt's path. */
  public String url(String objectName) {
    return publicUrl + path(objectName);
  }

  private static String normalisedPrefix(String prefix) {
    String p = blankToNull(prefix) == null ? DEFAULT_PATH_PREFIX : prefix.trim();
    p = (p.startsWith("/") ? "" : "/") + p + (p.endsWith("/") ? "" : "/");
    if (!PREFIX.matcher(p).matches()) {
      throw new IllegalArgumentException(
          "notebook path-prefix must be a plain URL path such as /jupyter/: " + prefix);
    }
    return p;
  }

  private static void requireMatch(String setting, String value, Pattern pattern) {
    if (value != null && !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException("notebook ingress " + setting + " is invalid: " + value);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
