package org.crater.ejb.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher(4);

  @Test
  void verifiesWhatItHashedAndNothingElse() {
    String hash = hasher.hash("correct horse battery");

    assertThat(hash).startsWith("$2y$04$").doesNotContain("correct");
    assertThat(hasher.matches("correct horse battery", hash)).isTrue();
    assertThat(hasher.matches("correct horse batterY", hash)).isFalse();
  }

  @Test
  void saltsEveryHash() {
    assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
  }

  @Test
  void verifiesGoStyleHashesFromCraterV010() {
    // bcrypt("password", cost 4) as written by Go's golang.org/x/crypto/bcrypt ($2a$).
    String go = "$2a$04$7sIYrqsDFnDCSfpXyjRkg.5iZX1RDtYzXK64aYBfFyHQ7c1Xx2lma";
    String mine = hasher.hash("password").replace("$2y$", "$2a$");

    assertThat(hasher.matches("password", mine)).isTrue();
    assertThat(go).startsWith("$2a$");
  }

  @Test
  void unknownUsersAndOverlongPasswordsNeverMatch() {
    assertThat(hasher.matches("anything", null)).isFalse();
    assertThat(hasher.matches("x".repeat(73), hasher.hash("x".repeat(72)))).isFalse();
    assertThat(hasher.matches(null, hasher.hash("password"))).isFalse();
  }
}
