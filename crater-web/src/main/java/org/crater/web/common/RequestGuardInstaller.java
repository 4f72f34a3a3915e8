package org.crater.web.common;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Guards Payara's HTTP listeners while Crater is deployed ({@link RequestGuards}). Where a server
 * does not let an application reach them, Crater runs unguarded and says so once.
 */
@WebListener
public class RequestGuardInstaller implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(RequestGuardInstaller.class.getName());

  /**
   * The largest header block answered; Payara's own bound (deploy/preboot.asadmin) is above it, so
   * that a larger one still gets a problem document.
   */
  static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;

  private RequestGuards guards;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    try {
      guards =
          new RequestGuards(
              ConfigProvider.getConfig()
                  .getOptionalValue("crater.http.max-header-bytes", Integer.class)
                  .orElse(DEFAULT_MAX_HEADER_BYTES));
      int count = guards.install();
      LOG.fine(() -> "request lines checked on " + count + " HTTP listener(s)");
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      LOG.warning(
          "Request lines are not checked before the servlet container on this server: requests"
              + " it cannot decode get its own answers ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    if (guards != null) {
      guards.uninstall();
    }
  }
}
