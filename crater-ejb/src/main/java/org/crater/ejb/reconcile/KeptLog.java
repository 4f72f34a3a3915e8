package org.crater.ejb.reconcile;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The tail of a finished job's log, kept in the database when its objects left the cluster.
 *
 * @param attempt the attempt whose log it is
 * @param text the last lines
 * @param truncated whether earlier lines were dropped (the log was longer than the bound)
 */
public record KeptLog(int attempt, String text, boolean truncated) {

  /** The last {@code lines} lines (all for null), as a live log read would give them. */
  public String lastLines(Integer lines) {
    if (lines == null) {
      return text;
    }
    int start = text.endsWith("\n") ? text.length() - 1 : text.length();
    int found = 0;
    while (start > 0) {
      if (text.charAt(start - 1) == '\n' && ++found == lines) {
        break;
      }
      start--;
    }
    return text.substring(start);
  }

  /** The last {@code lines} lines as a stream that ends with them. */
  public InputStream stream(Integer lines) {
    return new ByteArrayInputStream(lastLines(lines).getBytes(StandardCharsets.UTF_8));
  }
}
