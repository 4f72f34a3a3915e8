package org.crater.ejb.dataset;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.crater.ejb.auth.Principal;
import org.crater.ejb.common.LogValues;
import org.crater.model.account.Account;
import org.crater.model.dataset.Dataset;
import org.crater.model.dataset.DatasetVisibility;
import org.crater.model.user.User;

/**
 * Datasets and share dirs. Administrators register, change and delete them; a user may mount the
 * ones everyone may mount, the ones shared with them and the ones shared with any account they are
 * a member of. Administrators are no exception: they mount what is shared with them.
 */
@Stateless
public class DatasetService {

  private static final Logger LOG = Logger.getLogger(DatasetService.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;

  public Dataset create(String name, DatasetSpec spec) {
    Grantees grantees = check(name, spec);
    if (find(name).isPresent()) {
      throw new DatasetExistsException(name);
    }
    Instant now = clock.instant();
    Dataset dataset =
        new Dataset(
            name,
            spec.kind(),
            spec.pvc(),
            spec.subPath(),
            spec.readOnly(),
            spec.description(),
            now);
    share(dataset, spec.visibility(), grantees, now);
    em.persist(dataset);
    LOG.info(() -> "created dataset name=" + LogValues.of(name) + " " + sharing(dataset));
    return dataset;
  }

  /** Replaces everything but the name, including who may mount it. */
  public Dataset update(String name, DatasetSpec spec) {
    Dataset dataset = get(name);
    Grantees grantees = check(name, spec);
    Instant now = clock.instant();
    dataset.change(
        spec.kind(), spec.pvc(), spec.subPath(), spec.readOnly(), spec.description(), now);
    share(dataset, spec.visibility(), grantees, now);
    LOG.info(() -> "updated dataset name=" + LogValues.of(name) + " " + sharing(dataset));
    return dataset;
  }

  public void delete(String name) {
    em.remove(get(name));
    LOG.info(() -> "deleted dataset name=" + LogValues.of(name));
  }

  public Dataset get(String name) {
    return find(name).orElseThrow(() -> new DatasetNotFoundException(name));
  }

  /** Every dataset, by name. */
  public List<Dataset> list() {
    return em.createNamedQuery(Dataset.ALL, Dataset.class).getResultList();
  }

  /** The datasets this user may mount, by name, read in one query. */
  public List<Dataset> visibleTo(long userId) {
    return em.createNamedQuery(Dataset.VISIBLE_TO, Dataset.class)
        .setParameter("userId", userId)
        .getResultList();
  }

  /** What the caller's job mounts are checked against. */
  public MountGrants mountable(Principal caller) {
    return MountGrants.of(visibleTo(caller.userId()));
  }

  /** The rules, then the accounts and users named; all problems in one answer. */
  private Grantees check(String name, DatasetSpec spec) {
    Map<String, String> errors = DatasetRules.check(name, spec);
    Set<Account> accounts = accounts(spec.accounts(), errors);
    Set<User> users = users(spec.users(), errors);
    if (!errors.isEmpty()) {
      throw new InvalidDatasetException(errors);
    }
    return new Grantees(accounts, users);
  }

  private Set<Account> accounts(List<String> names, Map<String, String> errors) {
    Map<String, Account> found =
        names.isEmpty()
            ? Map.of()
            : em.createQuery("SELECT a FROM Account a WHERE a.name IN :names", Account.class)
                .setParameter("names", names)
                .getResultStream()
                .collect(Collectors.toMap(Account::getName, Function.identity()));
    reportUnknown("accounts", "no account is named ", names, found.keySet(), errors);
    return new HashSet<>(found.values());
  }

  private Set<User> users(List<String> names, Map<String, String> errors) {
    Map<String, User> found =
        names.isEmpty()
            ? Map.of()
            : em.createQuery("SELECT u FROM User u WHERE u.username IN :names", User.class)
                .setParameter("names", names)
                .getResultStream()
                .collect(Collectors.toMap(User::getUsername, Function.identity()));
    reportUnknown("users", "no user is named ", names, found.keySet(), errors);
    return new HashSet<>(found.values());
  }

  /** One error per unknown name, at its index: {@code accounts[2]}. */
  private static void reportUnknown(
      String field,
      String reason,
      List<String> names,
      Set<String> known,
      Map<String, String> errors) {
    for (int i = 0; i < names.size(); i++) {
      if (!known.contains(names.get(i))) {
        errors.put(field + "[" + i + "]", reason + names.get(i));
      }
    }
  }

  private static void share(
      Dataset dataset, DatasetVisibility visibility, Grantees grantees, Instant now) {
    if (visibility == DatasetVisibility.EVERYONE) {
      dataset.shareWithEveryone(now);
    } else {
      dataset.shareWith(grantees.accounts(), grantees.users(), now);
    }
  }

  private static String sharing(Dataset dataset) {
    return "pvc="
        + LogValues.of(dataset.getPvc())
        + " visibility="
        + dataset.getVisibility()
        + " accounts="
        + dataset.getAccounts().size()
        + " users="
        + dataset.getUsers().size();
  }

  private Optional<Dataset> find(String name) {
    return em.createNamedQuery(Dataset.BY_NAME, Dataset.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  /** The accounts and users a shared dataset is shared with. */
  private record Grantees(Set<Account> accounts, Set<User> users) {}
}
