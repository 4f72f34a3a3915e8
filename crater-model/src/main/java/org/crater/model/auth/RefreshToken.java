package org.crater.model.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The server's record of one refresh token, keyed by the token's {@code jti}. Invariant: a token
 * leaves ACTIVE once and never comes back; the family groups every token rotated from one login. A
 * rotated (USED) token remembers when it was used and the token that replaced it.
 */
@Entity
@Table(name = "crater_refresh_token")
@NamedQuery(
    name = RefreshToken.REVOKE_FAMILY,
    query =
        "UPDATE RefreshToken t SET t.state = org.crater.model.auth.RefreshTokenState.REVOKED"
            + " WHERE t.family = :family AND t.state = org.crater.model.auth.RefreshTokenState.ACTIVE")
@NamedQuery(
    name = RefreshToken.DELETE_EXPIRED,
    query = "DELETE FROM RefreshToken t WHERE t.expiresAt < :now")
public class RefreshToken {

  public static final String REVOKE_FAMILY = "RefreshToken.revokeFamily";
  public static final String DELETE_EXPIRED = "RefreshToken.deleteExpired";

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 36, updatable = false)
  private String family;

  @Column(name = "user_id", nullable = false, updatable = false)
  private Long userId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private RefreshTokenState state;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private Instant issuedAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  @Column(name = "replaced_by", length = 36)
  private String replacedBy;

  protected RefreshToken() {}

  public RefreshToken(String id, String family, Long userId, Instant issuedAt, Instant expiresAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.family = Objects.requireNonNull(family, "family");
    this.userId = Objects.requireNonNull(userId, "userId");
    this.state = RefreshTokenState.ACTIVE;
    this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /**
   * Marks the token used and replaced by {@code successor}; false when it was not active any more
   * (a reuse).
   */
  public boolean rotate(String successor, Instant now) {
    if (state != RefreshTokenState.ACTIVE) {
      return false;
    }
    state = RefreshTokenState.USED;
    usedAt = Objects.requireNonNull(now, "now");
    replacedBy = Objects.requireNonNull(successor, "successor");
    return true;
  }

  /**
   * Whether this token was rotated less than {@code grace} before {@code now}: a second use then
   * comes from the same client racing itself, not from a thief.
   */
  public boolean rotatedWithin(Duration grace, Instant now) {
    return state == RefreshTokenState.USED
        && replacedBy != null
        && now.isBefore(usedAt.plus(grace));
  }

  public String getId() {
    return id;
  }

  public String getFamily() {
    return family;
  }

  public Long getUserId() {
    return userId;
  }

  public RefreshTokenState getState() {
    return state;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getIssuedAt() {
    return issuedAt;
  }

  public Instant getUsedAt() {
    return usedAt;
  }

  public String getReplacedBy() {
    return replacedBy;
  }
}
