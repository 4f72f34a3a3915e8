package org.crater.ejb.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Signs and verifies Crater's JWTs: HS256 only (the algorithm is pinned, so {@code alg: none} and
 * algorithm confusion are refused), issuer {@code crater}, an expiry, and a token type claim that
 * keeps access and refresh tokens apart.
 */
public final class TokenCodec {

  /** Which kind of token; an access token is never accepted as a refresh token and vice versa. */
  public enum Type {
    ACCESS,
    REFRESH
  }

  /**
   * The verified content of a token.
   *
   * @param type access or refresh
   * @param userId the user's id
   * @param username the user's name
   * @param id the token id ({@code jti})
   * @param family the session: the refresh family of the login the token descends from
   * @param expiresAt when it expires
   */
  public record Claims(
      Type type, long userId, String username, String id, String family, Instant expiresAt) {}

  private static final String ISSUER = "crater";
  static final int CLOCK_SKEW_SECONDS = 30;

  private final HmacKey key;
  private final Clock clock;

  public TokenCodec(byte[] secret, Clock clock) {
    this.key = new HmacKey(secret);
    this.clock = Objects.requireNonNull(clock);
  }

  public String sign(Claims claims) {
    return sign(claims, clock.instant());
  }

  /** Signs with an explicit issue time: the same claims and time always give the same token. */
  public String sign(Claims claims, Instant issuedAt) {
    JwtClaims jwt = new JwtClaims();
    jwt.setIssuer(ISSUER);
    jwt.setSubject(claims.username());
    jwt.setClaim("uid", claims.userId());
    jwt.setClaim("typ", claims.type().name().toLowerCase());
    jwt.setJwtId(claims.id());
    if (claims.family() != null) {
      jwt.setClaim("fam", claims.family());
    }
    jwt.setIssuedAt(NumericDate.fromMilliseconds(issuedAt.toEpochMilli()));
    jwt.setExpirationTime(NumericDate.fromMilliseconds(claims.expiresAt().toEpochMilli()));
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(jwt.toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    jws.setHeader("typ", "JWT");
    jws.setKey(key);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  /**
   * Verifies signature, algorithm, issuer, expiry and type, or throws {@link
   * InvalidTokenException}.
   */
  public Claims verify(String token, Type expected) {
    JwtConsumer consumer =
        new JwtConsumerBuilder()
            .setJwsAlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
            .setVerificationKey(key)
            .setExpectedIssuer(ISSUER)
            .setRequireSubject()
            .setRequireExpirationTime()
            .setRequireJwtId()
            .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
            .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
            .build();
    try {
      JwtClaims jwt = consumer.processToClaims(token);
      if (!expected.name().toLowerCase().equals(jwt.getClaimValueAsString("typ"))) {
        throw InvalidTokenException.invalid();
      }
      Number uid = jwt.getClaimValue("uid", Number.class);
      return new Claims(
          expected,
          uid.longValue(),
          jwt.getSubject(),
          jwt.getJwtId(),
          jwt.getClaimValueAsString("fam"),
          Instant.ofEpochMilli(jwt.getExpirationTime().getValueInMillis()));
    } catch (InvalidJwtException e) {
      throw e.hasExpired()
          ? InvalidTokenException.expired(expected)
          : InvalidTokenException.invalid();
    } catch (MalformedClaimException | RuntimeException e) {
      if (e instanceof InvalidTokenException invalid) {
        throw invalid;
      }
      throw InvalidTokenException.invalid();
    }
  }
}
