package org.crater.model.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One ended session: the refresh-token family of a login that was logged out or whose refresh token
 * was reused. Invariant: rows are only added and, once expired, deleted; a family may have several
 * rows (two logouts at once), which mean the same. {@code expiresAt} is when the last access token
 * the session could have had expires: after it the row means nothing.
 */
@Entity
@Table(name = "crater_revoked_session")
@NamedQuery(
    name = RevokedSession.FAMILIES_IN_FORCE,
    query = "SELECT DISTINCT s.family FROM RevokedSession s WHERE s.expiresAt > :now")
@NamedQuery(
    name = RevokedSession.DELETE_EXPIRED,
    query = "DELETE FROM RevokedSession s WHERE s.expiresAt <= :now")
public class RevokedSession {

  public static final String FAMILIES_IN_FORCE = "RevokedSession.familiesInForce";
  public static final String DELETE_EXPIRED = "RevokedSession.deleteExpired";

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 36, updatable = false)
  private String family;

  @Column(name = "revoked_at", nullable = false, updatable = false)
  private Instant revokedAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  protected RevokedSession() {}

  public RevokedSession(String family, Instant revokedAt, Instant expiresAt) {
    this.id = UUID.randomUUID().toString();
    this.family = Objects.requireNonNull(family, "family");
    this.revokedAt = Objects.requireNonNull(revokedAt, "revokedAt");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public String getFamily() {
    return family;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }
}
