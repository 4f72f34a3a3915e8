package org.crater.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrustedProxiesTest {

  private static final TrustedProxies PROXIES =
      TrustedProxies.parse("127.0.0.1, 10.0.0.0/8, fd00::/8");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          no proxy: the peer is the client                  | 198.51.100.7 |                                        | 198.51.100.7
          an untrusted peer's header is ignored             | 198.51.100.7 | 203.0.113.9                            | 198.51.100.7
          a trusted proxy names the client                  | 127.0.0.1    | 203.0.113.9                            | 203.0.113.9
          trusted proxies in a chain are skipped            | 127.0.0.1    | 203.0.113.9, 10.1.2.3                  | 203.0.113.9
          what the client wrote itself is not believed      | 127.0.0.1    | 1.2.3.4, 203.0.113.9, 10.1.2.3         | 203.0.113.9
          a range of IPv6 proxies                           | fd00::1      | 2001:db8::5                            | 2001:db8::5
          garbage stops at the last trusted hop             | 127.0.0.1    | evil.example, 10.1.2.3                 | 10.1.2.3
          only trusted hops: the farthest one               | 127.0.0.1    | 10.9.9.9                               | 10.9.9.9
          a trusted proxy without the header                | 127.0.0.1    |                                        | 127.0.0.1
          """)
  void findsTheClientBehindTrustedProxies(
      String name, String remote, String forwardedFor, String client) {
    List<String> hops = forwardedFor == null ? List.of() : Arrays.asList(forwardedFor.split(","));

    assertThat(PROXIES.clientOf(remote, hops)).isEqualTo(client);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"a host name, proxy.example.org", "a bad range, 10.0.0.0/33", "a word, nothing"})
  void refusesAnythingButAddressesAndRanges(String name, String entry) {
    assertThatThrownBy(() -> TrustedProxies.parse(entry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(entry);
  }

  @org.junit.jupiter.api.Test
  void trustsNobodyByDefault() {
    assertThat(TrustedProxies.NONE.clientOf("127.0.0.1", List.of("203.0.113.9")))
        .isEqualTo("127.0.0.1");
  }
}
