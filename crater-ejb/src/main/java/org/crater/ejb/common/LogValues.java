package org.crater.ejb.common;

/**
 * Makes a value safe to put in a log line. Every log line that carries a value someone else chose
 * (a username or address from a request, an account or dataset name, a message the cluster sent)
 * passes it through {@link #of}. Invariant: the result holds no line break, NUL or other control
 * character, so one record is always one line; a value with a space, {@code =} or {@code "} is
 * quoted, so it cannot add a {@code key=value} pair of its own; a plain value (a name, an address,
 * a number) is written as it is.
 */
public final class LogValues {

  /** Longer values are cut here: a log line is not the place for a megabyte of request body. */
  static final int MAX_LENGTH = 200;

  private LogValues() {}

  /** The value as it may appear after {@code key=} in a log line. */
  public static String of(Object value) {
    if (value == null) {
      return "null";
    }
    String text = value.toString();
    int cut = Math.min(text.length(), MAX_LENGTH);
    StringBuilder out = new StringBuilder(cut + 16);
    boolean quote = text.isEmpty();
    for (int i = 0; i < cut; i++) {
      char c = text.charAt(i);
      String escaped = escape(c);
      quote |= escaped != null || c == ' ' || c == '=';
      out.append(escaped != null ? escaped : String.valueOf(c));
    }
    if (text.length() > cut) {
      out.append("...(").append(text.length()).append(" chars)");
      quote = true;
    }
    return quote ? "\"" + out + "\"" : out.toString();
  }

  /** How {@code c} is written, or null when it is written as it is. */
  private static String escape(char c) {
    return switch (c) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      default -> invisible(c) ? String.format("\\u%04x", (int) c) : null;
    };
  }

  /**
   * Control characters (C0, DEL, C1), the Unicode line and paragraph separators and the
   * bidirectional overrides, which would make a line read differently than it is.
   */
  private static boolean invisible(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\ufeff';
  }
}
