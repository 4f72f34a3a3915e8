package org.crater.web.common;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Teaches the HTTP server (Grizzly, inside Payara) the reason phrases it lacks, once at start. A
 * servlet cannot set a reason phrase (Jakarta Servlet 6 has no {@code setStatus(int, String)}), and
 * Grizzly writes {@code CUSTOM} for a status missing from its table, such as 422 and 429. Grizzly
 * offers {@code HttpStatus.newHttpStatus} but keeps its table private, so the missing entries are
 * added to it by reflection. On another server, or if Grizzly changes, nothing happens but a note
 * in the log: the status codes stay right, only the phrase (which HTTP/2 does not even send) is
 * affected.
 */
@WebListener
public class ReasonPhrases implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(ReasonPhrases.class.getName());
  private static final String GRIZZLY_STATUS = "org.glassfish.grizzly.http.util.HttpStatus";

  @Override
  public void contextInitialized(ServletContextEvent event) {
    try {
      int added = register(Class.forName(GRIZZLY_STATUS, true, serverLoader(event)));
      LOG.fine(() -> "registered reason phrases count=" + added);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.info(() -> "kept the server's reason phrases cause=" + e.getClass().getSimpleName());
    }
  }

  /** The loader of the server's own classes: the one that loaded its servlet context. */
  private static ClassLoader serverLoader(ServletContextEvent event) {
    ClassLoader loader = event.getServletContext().getClass().getClassLoader();
    return loader != null ? loader : ReasonPhrases.class.getClassLoader();
  }

  @SuppressWarnings("unchecked")
  private static int register(Class<?> status) throws ReflectiveOperationException {
    Method create = status.getMethod("newHttpStatus", int.class, String.class);
    Field table = status.getDeclaredField("statusMessages");
    table.setAccessible(true);
    Map<Integer, Object> known = (Map<Integer, Object>) table.get(null);
    int added = 0;
    // Grizzly reads this table on every response; entries are only ever added, once, at start.
    synchronized (known) {
      for (Map.Entry<Integer, String> phrase : StatusPhrases.MISSING.entrySet()) {
        if (!known.containsKey(phrase.getKey())) {
          known.put(phrase.getKey(), create.invoke(null, phrase.getKey(), phrase.getValue()));
          added++;
        }
      }
    }
    return added;
  }
}
