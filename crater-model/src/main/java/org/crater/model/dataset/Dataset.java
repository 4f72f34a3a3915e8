package org.crater.model.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.crater.model.account.Account;
import org.crater.model.common.Names;
import org.crater.model.user.User;

/**
 * A volume users may mount into their jobs: a PersistentVolumeClaim, or one directory of it, with
 * who may mount it. Invariants: the name is a DNS-1123 label fixed at creation; the claim is a
 * DNS-1123 subdomain; the sub-path is clean ({@link SubPaths}); a dataset visible to everyone is
 * shared with no account or user in particular; {@code updatedAt} is never before {@code
 * createdAt}. A new dataset is shared with no one until it is shared.
 */
@Entity
@Table(name = "crater_dataset")
@NamedQuery(name = Dataset.BY_NAME, query = "SELECT d FROM Dataset d WHERE d.name = :name")
@NamedQuery(
    name = Dataset.ALL,
    query = "SELECT d FROM Dataset d ORDER BY d.name",
    hints = {
      // Lists show every dataset's grants: two queries for all of them, not two per dataset.
      @QueryHint(name = "eclipselink.batch.type", value = "IN"),
      @QueryHint(name = "eclipselink.batch", value = "d.accounts"),
      @QueryHint(name = "eclipselink.batch", value = "d.users")
    })
@NamedQuery(
    name = Dataset.VISIBLE_TO,
    query =
        "SELECT d FROM Dataset d WHERE d.visibility ="
            + " org.crater.model.dataset.DatasetVisibility.EVERYONE"
            + " OR d.id IN (SELECT s.id FROM Dataset s JOIN s.users u WHERE u.id = :userId)"
            + " OR d.id IN (SELECT s.id FROM Dataset s JOIN s.accounts a, Membership m"
            + " WHERE m.account = a AND m.user.id = :userId)"
            + " ORDER BY d.name")
public class Dataset {

  public static final String BY_NAME = "Dataset.byName";
  public static final String ALL = "Dataset.all";
  public static final String VISIBLE_TO = "Dataset.visibleTo";
  public static final int MAX_DESCRIPTION = 1024;

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "dataset_ids")
  @TableGenerator(
      name = "dataset_ids",
      table = "crater_id_gen",
      pkColumnName = "gen_name",
      valueColumnName = "gen_value",
      pkColumnValue = "dataset",
      allocationSize = 50)
  private Long id;

  @Column(nullable = false, unique = true, length = 63, updatable = false)
  private String name;

  @Column(nullable = false, length = MAX_DESCRIPTION)
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private DatasetKind kind;

  @Column(nullable = false, length = 253)
  private String pvc;

  @Column(name = "sub_path", nullable = false, length = SubPaths.MAX_LENGTH)
  private String subPath;

  @Column(name = "read_only", nullable = false)
  private boolean readOnly;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private DatasetVisibility visibility = DatasetVisibility.SHARED;

  @ManyToMany
  @JoinTable(
      name = "crater_dataset_account",
      joinColumns = @JoinColumn(name = "dataset_id"),
      inverseJoinColumns = @JoinColumn(name = "account_id"))
  private Set<Account> accounts = new HashSet<>();

  @ManyToMany
  @JoinTable(
      name = "crater_dataset_user",
      joinColumns = @JoinColumn(name = "dataset_id"),
      inverseJoinColumns = @JoinColumn(name = "user_id"))
  private Set<User> users = new HashSet<>();

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Dataset() {}

  public Dataset(
      String name,
      DatasetKind kind,
      String pvc,
      String subPath,
      boolean readOnly,
      String description,
      Instant now) {
    this.name = Names.requireDns1123Label(name, "dataset name");
    this.createdAt = Objects.requireNonNull(now, "now");
    change(kind, pvc, subPath, readOnly, description, now);
  }

  /** Replaces everything but the name and who may mount it. */
  public void change(
      DatasetKind kind,
      String pvc,
      String subPath,
      boolean readOnly,
      String description,
      Instant now) {
    if (!Names.isDns1123Subdomain(pvc)) {
      throw new IllegalArgumentException("claim name must be a DNS-1123 subdomain: " + pvc);
    }
    String path = subPath == null ? "" : subPath;
    if (!SubPaths.isClean(path)) {
      throw new IllegalArgumentException("sub-path must be a clean relative path: " + subPath);
    }
    String text = description == null ? "" : description.strip();
    if (text.length() > MAX_DESCRIPTION) {
      throw new IllegalArgumentException("description longer than " + MAX_DESCRIPTION);
    }
    this.kind = Objects.requireNonNull(kind, "kind");
    this.pvc = pvc;
    this.subPath = path;
    this.readOnly = readOnly;
    this.description = text;
    touch(now);
  }

  /** Lets every user mount it; any account and user it was shared with are forgotten. */
  public void shareWithEveryone(Instant now) {
    this.visibility = DatasetVisibility.EVERYONE;
    this.accounts.clear();
    this.users.clear();
    touch(now);
  }

  /**
   * Lets only the members of these accounts and these users mount it (none at all when both are
   * empty), replacing whoever could before.
   */
  public void shareWith(Set<Account> accounts, Set<User> users, Instant now) {
    this.visibility = DatasetVisibility.SHARED;
    this.accounts.clear();
    this.accounts.addAll(accounts);
    this.users.clear();
    this.users.addAll(users);
    touch(now);
  }

  /** Whether a mount of this directory of this claim stays inside the dataset. */
  public boolean covers(String pvc, String subPath) {
    return this.pvc.equals(pvc)
        && SubPaths.isClean(subPath)
        && SubPaths.isWithin(subPath, this.subPath);
  }

  private void touch(Instant now) {
    this.updatedAt = now.isBefore(createdAt) ? createdAt : now;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public DatasetKind getKind() {
    return kind;
  }

  public String getPvc() {
    return pvc;
  }

  public String getSubPath() {
    return subPath;
  }

  public boolean isReadOnly() {
    return readOnly;
  }

  public DatasetVisibility getVisibility() {
    return visibility;
  }

  public Set<Account> getAccounts() {
    return Collections.unmodifiableSet(accounts);
  }

  public Set<User> getUsers() {
    return Collections.unmodifiableSet(users);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }
}
