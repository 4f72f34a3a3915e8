package org.crater.web.common;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.crater.ejb.common.CraterException;

/**
 * Parses optional query parameters by hand, so a bad value is a 400 naming the parameter (JAX-RS
 * would answer 404 for a query parameter it cannot convert).
 */
public final class QueryParams {

  private QueryParams() {}

  /** The enum constant named by {@code value} (any case), or {@code null} when absent. */
  public static <E extends Enum<E>> E enumOf(Class<E> type, String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid(name, "one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  /** An ISO-8601 instant such as {@code 2026-11-28T10:00:00Z}, or {@code null} when absent. */
  public static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw invalid(name, "an ISO-8601 instant such as 2026-11-28T10:00:00Z");
    }
  }

  /** A whole number from 1 to {@code max}, or {@code null} when absent. */
  public static Integer positiveInt(String name, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw invalid(name, "a whole number from 1 to " + max);
  }

  /** {@code true} or {@code false} (any case). */
  public static boolean bool(String name, String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "true" -> true;
      case "false", "" -> false;
      default -> throw invalid(name, "true or false");
    };
  }

  /** A required whole number such as an id; absent or not a number is a 400. */
  public static long number(String name, String value) {
    try {
      return Long.parseLong(value == null ? "" : value.strip());
    } catch (NumberFormatException e) {
      throw invalid(name, "a whole number");
    }
  }

  /** One of {@code allowed} (any case, answered in upper case), or {@code null} when absent. */
  public static String choice(String name, String value, String... allowed) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip().toUpperCase(Locale.ROOT);
    for (String a : allowed) {
      if (a.equals(v)) {
        return v;
      }
    }
    throw invalid(name, "one of " + String.join(", ", allowed));
  }

  /** The 400 for a query parameter {@code name} that is not {@code expected}. */
  public static CraterException invalid(String name, String expected) {
    return new CraterException(
        400, "invalid-query", "Query parameter " + name + " must be " + expected + ".") {
      @Override
      public Map<String, String> fieldErrors() {
        return Map.of(name, "must be " + expected);
      }
    };
  }
}
