package org.crater.ejb.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

  @Test
  void cutsTextToItsColumns() {
    String longName = "n".repeat(500);

    AuditEntry entry =
        new AuditEntry(
            Instant.EPOCH, null, longName, longName, "DELETE", longName, longName, longName, 401);

    assertThat(entry.username()).hasSize(AuditEntry.USERNAME_LENGTH);
    assertThat(entry.address()).hasSize(AuditEntry.ADDRESS_LENGTH);
    assertThat(entry.route()).hasSize(AuditEntry.ROUTE_LENGTH);
    assertThat(entry.objectType()).hasSize(AuditEntry.OBJECT_TYPE_LENGTH);
    assertThat(entry.objectId()).hasSize(AuditEntry.OBJECT_ID_LENGTH);
  }

  @Test
  void needsATimeAMethodAndARoute() {
    assertThatThrownBy(() -> new AuditEntry(null, null, null, null, "POST", "/x", null, null, 200))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> new AuditEntry(Instant.EPOCH, null, null, null, null, "/x", null, null, 200))
        .isInstanceOf(NullPointerException.class);
  }
}
