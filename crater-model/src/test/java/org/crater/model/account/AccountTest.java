package org.crater.model.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"a", "default", "vision-lab", "team42", "a-b-c"})
  void acceptsDns1123Names(String name) {
    assertThat(new Account(name, "Team", NOW).getName()).isEqualTo(name);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {"", "Upper", "-leading", "trailing-", "under_score", "dot.ted", "with space"})
  void rejectsOtherNames(String name) {
    assertThatThrownBy(() -> new Account(name, "Team", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DNS-1123");
  }

  @Test
  void rejectsNamesLongerThan63Characters() {
    assertThatThrownBy(() -> new Account("a".repeat(64), "Team", NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void renameKeepsNameAndMovesUpdatedAt() {
    Account account = new Account("vision", "Vision", NOW);
    account.rename("  Vision Lab ", NOW.plusSeconds(60));
    assertThat(account.getName()).isEqualTo("vision");
    assertThat(account.getDisplayName()).isEqualTo("Vision Lab");
    assertThat(account.getUpdatedAt()).isEqualTo(NOW.plusSeconds(60));
  }

  @Test
  void rejectsBlankDisplayName() {
    assertThatThrownBy(() -> new Account("vision", " ", NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
