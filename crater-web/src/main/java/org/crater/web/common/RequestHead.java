package org.crater.web.common;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What Crater judges of a request before any route sees it: the request line and the size of the
 * headers, which Payara's servlet container cannot decode or would answer without a problem
 * document (docs/architecture.md, "Requests the container cannot decode").
 *
 * @param method the request method
 * @param path the raw, undecoded path of the request target
 * @param query its raw query, or null where it has none
 * @param headerBytes the size of the header fields, names and values
 */
public record RequestHead(String method, String path, String query, int headerBytes) {

  /**
   * Why a request is refused.
   *
   * @param status the HTTP status
   * @param code the problem code
   * @param detail what is wrong, without echoing the request
   */
  public record Refusal(int status, String code, String detail) {}

  /**
   * Why this request is refused, if it is.
   *
   * @param maxHeaderBytes the largest header block answered
   */
  public Optional<Refusal> refusal(int maxHeaderBytes) {
    if (headerBytes > maxHeaderBytes) {
      return Optional.of(
          new Refusal(
              431,
              "headers-too-large",
              "The request header fields exceed " + maxHeaderBytes + " bytes."));
    }
    if ("TRACE".equals(method)) {
      return Optional.of(new Refusal(405, "method-not-allowed", "TRACE is not served."));
    }
    Optional<Refusal> wrongPath = isPlain(path) ? Optional.empty() : checkPath(path);
    if (wrongPath.isPresent() || query == null || isPlain(query)) {
      return wrongPath;
    }
    return decode(query) == null
        ? Optional.of(bad("malformed-query", "The query string has a malformed percent-encoding."))
        : Optional.empty();
  }

  /**
   * Most paths and queries: nothing encoded, nothing outside ASCII, no backslash; nothing to
   * decode.
   */
  private static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' || c == '\\' || c == 0 || c > 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static Optional<Refusal> checkPath(String path) {
    byte[] bytes = decode(path);
    if (bytes == null) {
      return Optional.of(bad("malformed-path", "The path has a malformed percent-encoding."));
    }
    for (byte b : bytes) {
      if (b == 0) {
        return Optional.of(bad("malformed-path", "The path contains a NUL character."));
      }
      if (b == '\\') {
        return Optional.of(bad("malformed-path", "The path contains a backslash."));
      }
    }
    if (!isUtf8(bytes)) {
      return Optional.of(bad("malformed-path", "The path is not valid UTF-8."));
    }
    return Optional.empty();
  }

  /**
   * The bytes {@code text} stands for ({@code %XX} one byte, any other character its UTF-8 bytes,
   * one byte for ASCII), or null where a {@code %} is not followed by two hex digits.
   */
  static byte[] decode(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        int high = i + 1 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
        int low = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
        if (high < 0 || low < 0) {
          return null;
        }
        out.write(high * 16 + low);
        i += 2;
      } else if (c < 0x80) {
        out.write(c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
        out.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end - 1;
      }
    }
    return out.toByteArray();
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static Refusal bad(String code, String detail) {
    return new Refusal(400, code, detail);
  }
}
