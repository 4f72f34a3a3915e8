package org.crater.ejb.user;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.crater.ejb.common.CraterException;
import org.crater.ejb.common.LogValues;
import org.crater.model.user.PlatformRole;
import org.crater.model.user.User;
import org.crater.model.user.UserStatus;

/**
 * Reads and administers users. Every change names the acting administrator. A user whose jobs are
 * on record is never deleted (the records keep their owner): deleting them answers 409 and the way
 * to shut them out is to disable them.
 */
@Stateless
public class UserService {

  private static final Logger LOG = Logger.getLogger(UserService.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private Event<UserChanged> changed;

  /** Creates a user with an already hashed password. */
  public User create(
      String username, String displayName, String email, String passwordHash, PlatformRole role) {
    if (find(username).isPresent()) {
      throw new UserExistsException(username);
    }
    User user = new User(username, displayName, email, passwordHash, role, clock.instant());
    em.persist(user);
    LOG.info(() -> "created user name=" + LogValues.of(username) + " role=" + role);
    return user;
  }

  public Optional<User> find(String username) {
    return em.createNamedQuery(User.BY_USERNAME, User.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  public User get(String username) {
    return find(username).orElseThrow(() -> new UserNotFoundException(username));
  }

  public User get(long id) {
    User user = em.find(User.class, id);
    if (user == null) {
      throw new UserNotFoundException(id);
    }
    return user;
  }

  /** Users whose name or display name contains {@code text}, optionally of one role and status. */
  public UserPage page(String text, PlatformRole role, UserStatus status, int offset, int limit) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<User> select = cb.createQuery(User.class);
    Root<User> user = select.from(User.class);
    select.where(filter(cb, user, text, role, status)).orderBy(cb.asc(user.get("username")));
    CriteriaQuery<Long> count = cb.createQuery(Long.class);
    Root<User> counted = count.from(User.class);
    count.select(cb.count(counted)).where(filter(cb, counted, text, role, status));
    TypedQuery<User> page = em.createQuery(select).setFirstResult(offset).setMaxResults(limit);
    return new UserPage(page.getResultList(), em.createQuery(count).getSingleResult());
  }

  private static Predicate[] filter(
      CriteriaBuilder cb, Root<User> user, String text, PlatformRole role, UserStatus status) {
    List<Predicate> where = new ArrayList<>();
    if (text != null && !text.isBlank()) {
      String like = "%" + text.strip().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
      where.add(
          cb.or(
              cb.like(cb.lower(user.get("username")), like, '\\'),
              cb.like(cb.lower(user.get("displayName")), like, '\\')));
    }
    if (role != null) {
      where.add(cb.equal(user.get("role"), role));
    }
    if (status != null) {
      where.add(cb.equal(user.get("status"), status));
    }
    return where.toArray(Predicate[]::new);
  }

  public User changeRole(String username, PlatformRole role, long actorId) {
    User user = others(username, actorId, "change their own role");
    user.changeRole(role, clock.instant());
    changed.fire(new UserChanged(user.getId()));
    LOG.info(
        () -> "changed role user=" + LogValues.of(username) + " role=" + role + " by=" + actorId);
    return user;
  }

  public User changeStatus(String username, UserStatus status, long actorId) {
    User user = others(username, actorId, "change their own status");
    user.changeStatus(status, clock.instant());
    changed.fire(new UserChanged(user.getId()));
    LOG.info(
        () ->
            "changed status user="
                + LogValues.of(username)
                + " status="
                + status
                + " by="
                + actorId);
    return user;
  }

  /** Deletes a user with their memberships, grants and sessions; refused while jobs name them. */
  public void delete(String username, long actorId) {
    User user = others(username, actorId, "delete themselves");
    long jobs =
        em.createQuery("SELECT COUNT(j) FROM Job j WHERE j.owner.id = :id", Long.class)
            .setParameter("id", user.getId())
            .getSingleResult();
    if (jobs > 0) {
      throw new CraterException(
          409,
          "user-has-jobs",
          username
              + " has "
              + jobs
              + " job(s) on record, which keep their owner, so the user cannot be deleted;"
              + " disable the user instead (status DISABLED): they can no longer log in.");
    }
    em.remove(user);
    changed.fire(new UserChanged(user.getId()));
    LOG.info(() -> "deleted user name=" + LogValues.of(username) + " by=" + actorId);
  }

  /** The user to act on, who must not be the acting administrator. */
  private User others(String username, long actorId, String refused) {
    User user = get(username);
    if (user.getId() == actorId) {
      throw new CraterException(422, "self-change", "Administrators cannot " + refused + ".");
    }
    return user;
  }
}
