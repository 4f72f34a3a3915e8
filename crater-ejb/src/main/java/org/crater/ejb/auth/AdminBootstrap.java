package org.crater.ejb.auth;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.crater.ejb.account.AccountService;
import org.crater.ejb.common.LogValues;
import org.crater.ejb.quota.QuotaSettings;
import org.crater.ejb.user.UserService;
import org.crater.model.account.Account;
import org.crater.model.account.AccountRole;
import org.crater.model.quota.ResourceVector;
import org.crater.model.user.PlatformRole;

/**
 * Creates the first administrator from {@code crater.admin.username}/{@code crater.admin.password}
 * when no user of that name exists, as a manager of the default account; on that first start the
 * default account also gets {@code crater.quota.default-account} if it has no quota yet. An
 * existing user is never changed, so a password changed later is not reset by a restart.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class AdminBootstrap {

  private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

  @Inject private AuthSettings settings;
  @Inject private Passwords passwords;
  @Inject private QuotaSettings quotas;
  @EJB private UserService users;
  @EJB private AccountService accounts;

  @PostConstruct
  void bootstrap() {
    String username = settings.adminUsername();
    if (settings.adminPassword().isEmpty()) {
      LOG.info("no first administrator configured (set CRATER_ADMIN_PASSWORD to create one)");
      return;
    }
    if (users.find(username).isPresent()) {
      return;
    }
    users.create(
        username,
        "Administrator",
        null,
        passwords.hash(settings.adminPassword().get()),
        PlatformRole.ADMIN);
    accounts.putMember(Account.DEFAULT, username, AccountRole.MANAGER, quotas.defaultMemberQuota());
    Account defaults = accounts.get(Account.DEFAULT);
    if (defaults.getQuota().equals(ResourceVector.ZERO)) {
      accounts.update(
          Account.DEFAULT,
          defaults.getDisplayName(),
          quotas.defaultAccountQuota(),
          defaults.getExpiresAt(),
          defaults.getMonthlyGpuHours());
    }
    LOG.info(() -> "created first administrator user=" + LogValues.of(username));
  }
}
