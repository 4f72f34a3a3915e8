package org.crater.model.job;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random secrets of interactive jobs (notebook tokens, WebIDE passwords): 128 bits from a {@link
 * SecureRandom}, as 32 lower-case hex digits.
 */
final class NotebookTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private NotebookTokens() {}

  static String generate() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
