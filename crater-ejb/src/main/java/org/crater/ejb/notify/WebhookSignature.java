package org.crater.ejb.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook call: HMAC-SHA256 over the exact body with the webhook's secret, sent
 * as {@code X-Crater-Signature: sha256=<hex>}. A receiver recomputes it over the bytes it got and
 * compares in constant time ({@link #matches}).
 */
public final class WebhookSignature {

  /** The header that carries the signature. */
  public static final String HEADER = "X-Crater-Signature";

  private static final String PREFIX = "sha256=";

  private WebhookSignature() {}

  /** {@code sha256=<lower-case hex>} of the body under the secret. */
  public static String of(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  /** Whether {@code header} is the body's signature under the secret (constant time). */
  public static boolean matches(String secret, byte[] body, String header) {
    if (header == null) {
      return false;
    }
    return MessageDigest.isEqual(
        of(secret, body).getBytes(StandardCharsets.US_ASCII),
        header.strip().getBytes(StandardCharsets.US_ASCII));
  }
}
