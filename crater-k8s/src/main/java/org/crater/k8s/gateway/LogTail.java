package org.crater.k8s.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The end of a log: at most a given number of bytes of it, starting at the beginning of a line when
 * earlier lines were dropped, so no line is kept in part.
 *
 * @param text the kept lines, UTF-8 decoded
 * @param truncated whether lines before these were dropped
 */
public record LogTail(String text, boolean truncated) {

  /** A log with nothing in it. */
  public static final LogTail EMPTY = new LogTail("", false);

  private static final int CHUNK = 8192;

  /** Reads {@code in} to its end, keeping at most its last {@code maxBytes} bytes in memory. */
  public static LogTail read(InputStream in, int maxBytes) throws IOException {
    byte[] ring = new byte[Math.max(maxBytes, 0)];
    byte[] chunk = new byte[CHUNK];
    long total = 0;
    int end = 0;
    for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
      total += n;
      for (int off = 0; off < n && ring.length > 0; ) {
        int len = Math.min(n - off, ring.length - end);
        System.arraycopy(chunk, off, ring, end, len);
        end = (end + len) % ring.length;
        off += len;
      }
    }
    if (total <= ring.length) {
      return new LogTail(new String(ring, 0, (int) total, StandardCharsets.UTF_8), false);
    }
    byte[] last = new byte[ring.length];
    System.arraycopy(ring, end, last, 0, ring.length - end);
    System.arraycopy(ring, 0, last, ring.length - end, end);
    return new LogTail(fromLineStart(last), true);
  }

  /**
   * The bytes from the first whole line on; when the last line alone is longer, its end (less a
   * character cut in two).
   */
  private static String fromLineStart(byte[] bytes) {
    int start = 0;
    int lastLineEnd = bytes.length - 1; // a newline ending the last line starts no line
    while (start < lastLineEnd && bytes[start] != '\n') {
      start++;
    }
    if (start >= lastLineEnd) {
      start = 0;
      while (start < bytes.length && (bytes[start] & 0xC0) == 0x80) {
        start++; // a line longer than the tail: drop only a character cut in two
      }
    } else {
      start++;
    }
    return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
  }
}
