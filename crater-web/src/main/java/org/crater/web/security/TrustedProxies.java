package org.crater.web.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-For} Crater believes, and the client address that follows
 * from it. Invariant: only literal IPv4 or IPv6 addresses and ranges ({@code 10.0.0.0/8}, {@code
 * fd00::/8}) are read, never host names, so reading one never asks DNS.
 */
final class TrustedProxies {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  /** One range: the first {@code bits} bits of {@code network}. */
  private record Range(byte[] network, int bits) {

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >>> (i % 8);
        if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  static final TrustedProxies NONE = new TrustedProxies(List.of());

  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = ranges;
  }

  /**
   * Reads a comma-separated list of addresses and ranges; throws {@link IllegalArgumentException}
   * naming the first entry that is neither.
   */
  static TrustedProxies parse(String list) {
    List<Range> ranges = new ArrayList<>();
    for (String entry : list.split(",")) {
      String trimmed = entry.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      String[] parts = trimmed.split("/", 2);
      byte[] network = literal(parts[0]);
      int bits =
          parts.length == 2 ? bits(parts[1], network) : network == null ? 0 : network.length * 8;
      if (network == null || bits < 0) {
        throw new IllegalArgumentException("not an IP address or range: " + trimmed);
      }
      ranges.add(new Range(network, bits));
    }
    return new TrustedProxies(List.copyOf(ranges));
  }

  private static int bits(String text, byte[] network) {
    try {
      int bits = Integer.parseInt(text);
      return network != null && bits <= network.length * 8 ? bits : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * The client of a request that came from {@code remote} with these {@code X-Forwarded-For}
   * entries (left to right, every header's in order): walking from the right, the first address
   * that is not a trusted proxy. A request from an untrusted peer is its own client, whatever it
   * claims; an entry that is not an address ends the walk at the last trusted hop.
   */
  String clientOf(String remote, List<String> forwardedFor) {
    if (!isTrusted(remote)) {
      return remote;
    }
    String client = remote;
    for (int i = forwardedFor.size() - 1; i >= 0; i--) {
      String hop = forwardedFor.get(i).strip();
      if (literal(hop) == null) {
        return client;
      }
      client = hop;
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return client;
  }

  boolean isTrusted(String address) {
    byte[] bytes = literal(address);
    return bytes != null && ranges.stream().anyMatch(range -> range.contains(bytes));
  }

  /** The bytes of a literal IP address, or null for anything else (never a DNS lookup). */
  private static byte[] literal(String text) {
    if (text == null || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
      return null;
    }
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
