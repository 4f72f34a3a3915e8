package org.crater.ejb.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.crater.ejb.auth.TokenCodec.Claims;
import org.crater.ejb.auth.TokenCodec.Type;
import org.junit.jupiter.api.Test;

class TokenCodecTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final byte[] SECRET =
      "a-test-secret-of-more-than-thirty-two-bytes".getBytes(StandardCharsets.UTF_8);
  private final TokenCodec codec = new TokenCodec(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

  private static Claims access(Instant expiresAt) {
    return new Claims(Type.ACCESS, 42, "alice", "jti-1", null, expiresAt);
  }

  @Test
  void roundTripsItsOwnTokens() {
    Claims claims = codec.verify(codec.sign(access(NOW.plusSeconds(3600))), Type.ACCESS);

    assertThat(claims.userId()).isEqualTo(42);
    assertThat(claims.username()).isEqualTo("alice");
    assertThat(claims.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
  }

  /** A codec whose clock stands an hour earlier, to issue tokens that have expired by now. */
  private static TokenCodec anHourAgo() {
    return new TokenCodec(SECRET, Clock.fixed(NOW.minusSeconds(3600), ZoneOffset.UTC));
  }

  @Test
  void refusesExpiredTokensWithTheirOwnCode() {
    String token = anHourAgo().sign(access(NOW.minusSeconds(31)));

    assertThatThrownBy(() -> codec.verify(token, Type.ACCESS))
        .isInstanceOfSatisfying(
            InvalidTokenException.class, e -> assertThat(e.code()).isEqualTo("token-expired"));
  }

  @Test
  void anExpiredAccessTokenIsRefreshedAndAnExpiredRefreshTokenMeansLoggingInAgain() {
    String access = anHourAgo().sign(access(NOW.minusSeconds(31)));
    String refresh =
        anHourAgo()
            .sign(new Claims(Type.REFRESH, 42, "alice", "jti-3", "family", NOW.minusSeconds(31)));

    assertThatThrownBy(() -> codec.verify(access, Type.ACCESS))
        .hasMessage("The access token has expired; refresh it.");
    assertThatThrownBy(() -> codec.verify(refresh, Type.REFRESH))
        .isInstanceOfSatisfying(
            InvalidTokenException.class, e -> assertThat(e.code()).isEqualTo("token-expired"))
        .hasMessage("The refresh token has expired; log in again.");
  }

  @Test
  void toleratesThirtySecondsOfClockSkew() {
    Claims claims = codec.verify(anHourAgo().sign(access(NOW.minusSeconds(20))), Type.ACCESS);

    assertThat(claims.username()).isEqualTo("alice");
    assertThat(claims.expiresAt()).isEqualTo(NOW.minusSeconds(20));
  }

  @Test
  void keepsAccessAndRefreshTokensApart() {
    String refresh =
        codec.sign(new Claims(Type.REFRESH, 42, "alice", "jti-2", "family", NOW.plusSeconds(60)));

    assertThatThrownBy(() -> codec.verify(refresh, Type.ACCESS))
        .isInstanceOf(InvalidTokenException.class);
    assertThat(codec.verify(refresh, Type.REFRESH).family()).isEqualTo("family");
  }

  @Test
  void refusesTamperedPayloads() {
    String[] parts = codec.sign(access(NOW.plusSeconds(60))).split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"uid\":42", "\"uid\":1");
    String forged = parts[0] + "." + encode(payload) + "." + parts[2];

    assertThatThrownBy(() -> codec.verify(forged, Type.ACCESS))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void refusesUnsignedTokens() {
    String[] parts = codec.sign(access(NOW.plusSeconds(60))).split("\\.");
    String none = encode("{\"alg\":\"none\"}") + "." + parts[1] + ".";

    assertThatThrownBy(() -> codec.verify(none, Type.ACCESS))
        .isInstanceOfSatisfying(
            InvalidTokenException.class, e -> assertThat(e.code()).isEqualTo("invalid-token"));
  }

  @Test
  void refusesTokensSignedWithAnotherSecret() {
    TokenCodec other =
        new TokenCodec(
            "another-secret-of-more-than-thirty-two-bytes".getBytes(StandardCharsets.UTF_8),
            Clock.fixed(NOW, ZoneOffset.UTC));

    assertThatThrownBy(() -> codec.verify(other.sign(access(NOW.plusSeconds(60))), Type.ACCESS))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void refusesGarbage() {
    assertThatThrownBy(() -> codec.verify("not.a.token", Type.ACCESS))
        .isInstanceOf(InvalidTokenException.class);
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
