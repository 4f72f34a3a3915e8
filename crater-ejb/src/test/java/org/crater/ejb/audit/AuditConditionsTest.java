package org.crater.ejb.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditConditionsTest {

  @Test
  void noFilterIsNoWhereClause() {
    AuditConditions where =
        AuditConditions.of(new AuditQuery(null, null, null, null, null, null, null, null, null));

    assertThat(where.sql()).isEmpty();
    assertThat(where.values()).isEmpty();
  }

  @Test
  void everyFilterIsAPlaceholderAndItsValuesComeInOrder() {
    Instant from = Instant.parse("2026-12-01T00:00:00Z");
    Instant to = Instant.parse("2026-12-02T00:00:00Z");

    AuditConditions where =
        AuditConditions.of(
            new AuditQuery("alice", "delete", "/cancel", "jobs", "42", 400, 499, from, to));

    assertThat(where.sql())
        .isEqualTo(
            " WHERE username = ? AND method = ? AND route LIKE ? ESCAPE '!' AND object_type = ?"
                + " AND (object_id = ? OR object_id LIKE ? ESCAPE '!') AND status >= ?"
                + " AND status <= ? AND created_at >= ? AND created_at < ?");
    assertThat(where.values())
        .containsExactly(
            "alice",
            "DELETE",
            "%/cancel%",
            "jobs",
            "42",
            "42/%",
            400,
            499,
            Timestamp.from(from),
            Timestamp.from(to));
  }

  @Test
  void wildcardsInAFilterMatchOnlyThemselves() {
    AuditConditions where =
        AuditConditions.of(
            new AuditQuery(null, null, "100%_!", null, "a_b", null, null, null, null));

    assertThat(where.values()).containsExactly("%100!%!_!!%", "a_b", "a!_b/%");
    assertThat(where.sql()).doesNotContain("100");
  }
}
