package org.crater.ejb.account;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import org.crater.ejb.common.CraterException;
import org.crater.model.account.Account;
import org.crater.model.common.Names;

/**
 * Creates and reads accounts. Names are unique; the {@code default} account comes with the schema.
 */
@Stateless
public class AccountService {

  private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;

  public Account create(String name, String displayName) {
    if (!Names.isDns1123Label(name)) {
      throw new CraterException(422, "invalid-name", "Account names must be DNS-1123 labels.");
    }
    if (exists(name)) {
      throw new AccountExistsException(name);
    }
    Account account = new Account(name, displayName, clock.instant());
    em.persist(account);
    LOG.info(() -> "created account name=" + name);
    return account;
  }

  public Account get(String name) {
    return em.createNamedQuery(Account.BY_NAME, Account.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new AccountNotFoundException(name));
  }

  public List<Account> list() {
    return em.createNamedQuery(Account.ALL, Account.class).getResultList();
  }

  public long count() {
    return em.createNamedQuery(Account.COUNT, Long.class).getSingleResult();
  }

  private boolean exists(String name) {
    return !em.createNamedQuery(Account.BY_NAME, Account.class)
        .setParameter("name", name)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
