package org.crater.ejb.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Authentication settings ({@code crater.auth.*}, {@code crater.admin.*}, {@code crater.dev-mode}).
 * Without a configured signing secret a random one is generated: tokens then do not survive a
 * restart and are not shared between replicas, which is fine for the embedded default only.
 */
@ApplicationScoped
public class AuthSettings {

  private static final Logger LOG = Logger.getLogger(AuthSettings.class.getName());
  private static final int MIN_SECRET_BYTES = 32;

  @Inject
  @ConfigProperty(name = "crater.auth.jwt-secret")
  Optional<String> configuredSecret;

  @Inject
  @ConfigProperty(name = "crater.auth.access-ttl", defaultValue = "PT1H")
  Duration accessTtl;

  @Inject
  @ConfigProperty(name = "crater.auth.refresh-ttl", defaultValue = "P7D")
  Duration refreshTtl;

  @Inject
  @ConfigProperty(name = "crater.auth.refresh-grace", defaultValue = "PT30S")
  Duration refreshGrace;

  @Inject
  @ConfigProperty(name = "crater.auth.signup-enabled", defaultValue = "false")
  boolean signupEnabled;

  @Inject
  @ConfigProperty(name = "crater.auth.bcrypt-cost", defaultValue = "10")
  int bcryptCost;

  @Inject
  @ConfigProperty(name = "crater.auth.login-attempts", defaultValue = "10")
  int loginAttempts;

  @Inject
  @ConfigProperty(name = "crater.auth.address-attempts", defaultValue = "100")
  int addressAttempts;

  @Inject
  @ConfigProperty(name = "crater.auth.login-window", defaultValue = "PT5M")
  Duration loginWindow;

  @Inject
  @ConfigProperty(name = "crater.admin.username", defaultValue = "admin")
  String adminUsername;

  @Inject
  @ConfigProperty(name = "crater.admin.password")
  Optional<String> adminPassword;

  @Inject
  @ConfigProperty(name = "crater.dev-mode", defaultValue = "false")
  boolean devMode;

  private byte[] secret;

  @PostConstruct
  void init() {
    secret = configuredSecret.map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null);
    if (secret == null) {
      secret = new byte[64];
      new SecureRandom().nextBytes(secret);
      LOG.warning(
          "generated a random token signing secret: tokens end with this process;"
              + " set CRATER_AUTH_JWT_SECRET (32+ bytes) for production and for several replicas");
    } else if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalStateException("crater.auth.jwt-secret must have at least 32 bytes");
    }
    LOG.info(
        () ->
            "auth settings signupEnabled="
                + signupEnabled
                + " devMode="
                + devMode
                + " accessTtl="
                + accessTtl
                + " refreshTtl="
                + refreshTtl);
  }

  byte[] secret() {
    return secret.clone();
  }

  /**
   * A secret for another purpose (e.g. notebook tokens), derived from the signing secret so every
   * replica computes the same one; it reveals nothing about the signing secret.
   */
  public String derivedSecret(String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  public Duration accessTtl() {
    return accessTtl;
  }

  public Duration refreshTtl() {
    return refreshTtl;
  }

  /**
   * How long a rotated refresh token still answers with the pair its rotation gave, instead of
   * counting as reused.
   */
  public Duration refreshGrace() {
    return refreshGrace;
  }

  public boolean signupEnabled() {
    return signupEnabled;
  }

  public int bcryptCost() {
    return bcryptCost;
  }

  public int loginAttempts() {
    return loginAttempts;
  }

  public int addressAttempts() {
    return addressAttempts;
  }

  public Duration loginWindow() {
    return loginWindow;
  }

  public String adminUsername() {
    return adminUsername;
  }

  public Optional<String> adminPassword() {
    return adminPassword;
  }

  /**
   * Development mode: the debug header and the CORS origin for a local frontend. Off by default.
   */
  public boolean devMode() {
    return devMode;
  }
}
