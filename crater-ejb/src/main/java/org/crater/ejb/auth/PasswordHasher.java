package org.crater.ejb.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt through Bouncy Castle ({@code $2y$}, and {@code $2a$}/{@code $2b$} hashes from Crater
 * v0.1.0 verify too). Passwords longer than bcrypt's 72 bytes are refused rather than silently
 * truncated.
 */
public final class PasswordHasher {

  public static final int MAX_BYTES = 72;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int cost;

  /** A real hash to verify against when the user does not exist, so both answers take as long. */
  private final String decoy;

  public PasswordHasher(int cost) {
    this.cost = cost;
    this.decoy = hash("decoy-password-for-timing");
  }

  public String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, cost);
  }

  /** True when {@code password} matches {@code hash}; a {@code null} hash costs the same time. */
  public boolean matches(String password, String hash) {
    if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return false;
    }
    boolean matches =
        OpenBSDBCrypt.checkPassword(hash != null ? hash : decoy, password.toCharArray());
    return hash != null && matches;
  }
}
