package org.crater.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.crater.model.common.Names;

/**
 * A person using Crater. Invariants: the username is a DNS-1123 label fixed at creation; the
 * password is only ever a hash; role and status change only through their methods.
 */
@Entity
@Table(name = "crater_user")
@NamedQuery(name = User.BY_USERNAME, query = "SELECT u FROM User u WHERE u.username = :username")
public class User {

  public static final String BY_USERNAME = "User.byUsername";

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "user_ids")
  @TableGenerator(
      name = "user_ids",
      table = "crater_id_gen",
      pkColumnName = "gen_name",
      valueColumnName = "gen_value",
      pkColumnValue = "user",
      allocationSize = 50)
  private Long id;

  @Column(nullable = false, unique = true, length = 63, updatable = false)
  private String username;

  @Column(name = "display_name", nullable = false, length = 128)
  private String displayName;

  @Column(length = 254)
  private String email;

  @Column(name = "password_hash", nullable = false, length = 100)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private PlatformRole role;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private UserStatus status;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected User() {}

  public User(
      String username,
      String displayName,
      String email,
      String passwordHash,
      PlatformRole role,
      Instant now) {
    this.username = Names.requireDns1123Label(username, "username");
    this.displayName =
        displayName == null || displayName.isBlank() ? username : displayName.strip();
    this.email = email == null || email.isBlank() ? null : email.strip();
    this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    this.role = Objects.requireNonNull(role, "role");
    this.status = UserStatus.ACTIVE;
    this.createdAt = Objects.requireNonNull(now, "now");
    this.updatedAt = now;
  }

  public void changeRole(PlatformRole role, Instant now) {
    this.role = Objects.requireNonNull(role, "role");
    this.updatedAt = now;
  }

  public void changeStatus(UserStatus status, Instant now) {
    this.status = Objects.requireNonNull(status, "status");
    this.updatedAt = now;
  }

  public void changePasswordHash(String passwordHash, Instant now) {
    this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    this.updatedAt = now;
  }

  public boolean isActive() {
    return status == UserStatus.ACTIVE;
  }

  public boolean isAdmin() {
    return role == PlatformRole.ADMIN;
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getEmail() {
    return email;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public PlatformRole getRole() {
    return role;
  }

  public UserStatus getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
