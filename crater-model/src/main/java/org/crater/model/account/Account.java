package org.crater.model.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.crater.model.common.Names;
import org.crater.model.quota.ResourceVector;

/**
 * A project or team (a "queue" in Crater v0.1.0 terms). Invariants: the name is a DNS-1123 label
 * fixed at creation; the display name is never blank; {@code updatedAt} is never before {@code
 * createdAt}.
 */
@Entity
@Table(name = "crater_account")
@NamedQuery(name = Account.BY_NAME, query = "SELECT a FROM Account a WHERE a.name = :name")
@NamedQuery(name = Account.ALL, query = "SELECT a FROM Account a ORDER BY a.name")
@NamedQuery(name = Account.COUNT, query = "SELECT COUNT(a) FROM Account a")
public class Account {

  public static final String BY_NAME = "Account.byName";
  public static final String ALL = "Account.all";
  public static final String COUNT = "Account.count";
  public static final String DEFAULT = "default";

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "account_ids")
  @TableGenerator(
      name = "account_ids",
      table = "crater_id_gen",
      pkColumnName = "gen_name",
      valueColumnName = "gen_value",
      pkColumnValue = "account",
      allocationSize = 50)
  private Long id;

  @Column(nullable = false, unique = true, length = 63, updatable = false)
  private String name;

  @Column(name = "display_name", nullable = false, length = 128)
  private String displayName;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(nullable = false, length = 1024)
  private ResourceVector quota = ResourceVector.ZERO;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "monthly_gpu_hours", precision = 12, scale = 3)
  private BigDecimal monthlyGpuHours;

  @Version private long version;

  protected Account() {}

  public Account(String name, String displayName, Instant now) {
    this.name = Names.requireDns1123Label(name, "account name");
    this.displayName = requireDisplayName(displayName);
    this.createdAt = Objects.requireNonNull(now, "now");
    this.updatedAt = now;
  }

  /** Sets the account's quota: the most its members may hold together with guaranteed work. */
  public void changeQuota(ResourceVector quota, Instant now) {
    this.quota = Objects.requireNonNull(quota, "quota");
    touch(now);
  }

  /** Sets when the account stops admitting work; {@code null} for never. */
  public void changeExpiry(Instant expiresAt, Instant now) {
    this.expiresAt = expiresAt;
    touch(now);
  }

  /**
   * Sets the GPU-hours the account may use per calendar month with guaranteed work; {@code null}
   * for no budget.
   *
   * @throws IllegalArgumentException when it is negative
   */
  public void changeMonthlyGpuHours(BigDecimal monthlyGpuHours, Instant now) {
    if (monthlyGpuHours != null && monthlyGpuHours.signum() < 0) {
      throw new IllegalArgumentException("a GPU-hour budget must not be negative");
    }
    this.monthlyGpuHours = monthlyGpuHours;
    touch(now);
  }

  public boolean isExpired(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /** Changes the display name; the name itself is permanent. */
  public void rename(String displayName, Instant now) {
    this.displayName = requireDisplayName(displayName);
    touch(now);
  }

  private void touch(Instant now) {
    this.updatedAt = now.isBefore(createdAt) ? createdAt : now;
  }

  private static String requireDisplayName(String displayName) {
    if (displayName == null || displayName.isBlank()) {
      throw new IllegalArgumentException("display name must not be blank");
    }
    return displayName.strip();
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getDisplayName() {
    return displayName;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public ResourceVector getQuota() {
    return quota;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  /** The monthly GPU-hour budget; {@code null} for none. */
  public BigDecimal getMonthlyGpuHours() {
    return monthlyGpuHours;
  }

  public long getVersion() {
    return version;
  }
}
