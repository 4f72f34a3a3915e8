package org.crater.ejb.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;

/** The configured password hasher and Crater's password rule: 8 to 72 bytes. */
@ApplicationScoped
public class Passwords {

  public static final int MIN_LENGTH = 8;

  @Inject AuthSettings settings;

  private PasswordHasher hasher;

  @PostConstruct
  void init() {
    hasher = new PasswordHasher(settings.bcryptCost());
  }

  public PasswordHasher hasher() {
    return hasher;
  }

  /** Hashes an acceptable password, or throws {@link WeakPasswordException}. */
  public String hash(String password) {
    if (password == null
        || password.length() < MIN_LENGTH
        || password.getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_BYTES) {
      throw new WeakPasswordException();
    }
    return hasher.hash(password);
  }
}
