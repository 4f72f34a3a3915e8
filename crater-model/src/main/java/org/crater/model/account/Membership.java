package org.crater.model.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.crater.model.quota.ResourceVector;
import org.crater.model.user.User;

/**
 * A user's place in an account: their role there and their own quota inside the account's quota.
 * Invariant: one membership per (account, user).
 */
@Entity
@Table(name = "crater_membership")
@NamedQuery(
    name = Membership.OF_USER,
    query =
        "SELECT m FROM Membership m JOIN FETCH m.account WHERE m.user.id = :userId"
            + " ORDER BY m.account.name")
@NamedQuery(
    name = Membership.OF_ACCOUNT,
    query =
        "SELECT m FROM Membership m JOIN FETCH m.user WHERE m.account.id = :accountId"
            + " ORDER BY m.user.username")
@NamedQuery(
    name = Membership.ONE,
    query = "SELECT m FROM Membership m WHERE m.account.id = :accountId AND m.user.id = :userId")
@NamedQuery(
    name = Membership.BY_ACCOUNT_NAME,
    query =
        "SELECT m FROM Membership m JOIN FETCH m.account a JOIN FETCH m.user"
            + " WHERE a.name = :accountName AND m.user.id = :userId")
public class Membership {

  public static final String OF_USER = "Membership.ofUser";
  public static final String OF_ACCOUNT = "Membership.ofAccount";
  public static final String ONE = "Membership.one";

  /** One user's membership, with its account and user, by the account's name: one query. */
  public static final String BY_ACCOUNT_NAME = "Membership.byAccountName";

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "membership_ids")
  @TableGenerator(
      name = "membership_ids",
      table = "crater_id_gen",
      pkColumnName = "gen_name",
      valueColumnName = "gen_value",
      pkColumnValue = "membership",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "account_id", nullable = false, updatable = false)
  private Account account;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "user_id", nullable = false, updatable = false)
  private User user;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private AccountRole role;

  @Column(nullable = false, length = 1024)
  private ResourceVector quota;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected Membership() {}

  public Membership(
      Account account, User user, AccountRole role, ResourceVector quota, Instant now) {
    this.account = Objects.requireNonNull(account, "account");
    this.user = Objects.requireNonNull(user, "user");
    this.role = Objects.requireNonNull(role, "role");
    this.quota = Objects.requireNonNull(quota, "quota");
    this.createdAt = Objects.requireNonNull(now, "now");
  }

  public void change(AccountRole role, ResourceVector quota) {
    this.role = Objects.requireNonNull(role, "role");
    this.quota = Objects.requireNonNull(quota, "quota");
  }

  public Long getId() {
    return id;
  }

  public Account getAccount() {
    return account;
  }

  public User getUser() {
    return user;
  }

  public AccountRole getRole() {
    return role;
  }

  public ResourceVector getQuota() {
    return quota;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
