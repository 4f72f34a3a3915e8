package org.crater.ejb.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** What a webhook URL must be: absolute http or https, with a host, no user info, no fragment. */
public final class WebhookUrls {

  /** The longest URL stored. */
  public static final int MAX_LENGTH = 2048;

  private WebhookUrls() {}

  /** The URL, checked; {@link InvalidWebhookException} (400) says what is wrong with it. */
  public static URI check(String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidWebhookException("is missing");
    }
    if (url.length() > MAX_LENGTH) {
      throw new InvalidWebhookException("is longer than " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new InvalidWebhookException("is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidWebhookException("must start with http:// or https://");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new InvalidWebhookException("must name a host");
    }
    if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw new InvalidWebhookException("must carry no user name, password or fragment");
    }
    return uri;
  }
}
