package org.crater.model.common;

import java.util.regex.Pattern;

/**
 * Naming rules for identifiers that end up in Kubernetes object names and labels: a DNS-1123 label,
 * lower case letters, digits and '-', starting and ending with a letter or digit, at most 63
 * characters; and a DNS-1123 subdomain, such labels joined by '.', at most 253 characters.
 */
public final class Names {

  /** The DNS-1123 label pattern, as a regular expression usable in Bean Validation. */
  public static final String DNS_1123_LABEL = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";

  /**
   * The DNS-1123 subdomain pattern (dot-separated labels, as for PersistentVolumeClaim names); the
   * 253-character limit is checked separately.
   */
  public static final String DNS_1123_SUBDOMAIN =
      "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";

  private static final Pattern LABEL = Pattern.compile(DNS_1123_LABEL);
  private static final Pattern SUBDOMAIN = Pattern.compile(DNS_1123_SUBDOMAIN);

  private Names() {}

  public static boolean isDns1123Label(String name) {
    return name != null && LABEL.matcher(name).matches();
  }

  public static boolean isDns1123Subdomain(String name) {
    return name != null && name.length() <= 253 && SUBDOMAIN.matcher(name).matches();
  }

  /** Returns the name unchanged, or throws if it is not a DNS-1123 label. */
  public static String requireDns1123Label(String name, String what) {
    if (!isDns1123Label(name)) {
      throw new IllegalArgumentException(what + " must be a DNS-1123 label: " + name);
    }
    return name;
  }
}
