package org.crater.web.common;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.hk2.api.ServiceLocator;

/**
 * Puts a {@link RequestGuard} in front of the servlet container on each HTTP listener of the
 * running Payara, and takes it away again. Payara offers no setting for this: the listeners are
 * found through its service locator and its Grizzly service (docs/architecture.md, "Requests the
 * container cannot decode").
 */
final class RequestGuards {

  private static final String ADMIN_LISTENER = "admin-listener";

  private final List<Runnable> undo = new ArrayList<>();
  private final int maxHeaderBytes;

  /**
   * @param maxHeaderBytes the largest header block the guards let through
   */
  RequestGuards(int maxHeaderBytes) {
    this.maxHeaderBytes = maxHeaderBytes;
  }

  /**
   * Guards every HTTP listener but the administration one.
   *
   * @return how many listeners are guarded now
   * @throws ReflectiveOperationException where Payara's internals are not as expected
   */
  int install() throws ReflectiveOperationException {
    ServiceLocator locator =
        (ServiceLocator)
            Class.forName("org.glassfish.internal.api.Globals")
                .getMethod("getDefaultHabitat")
                .invoke(null);
    Class<?> serviceType = Class.forName("com.sun.enterprise.v3.services.impl.GrizzlyService");
    Class<?> configType = Class.forName("org.glassfish.grizzly.config.dom.NetworkListener");
    Object grizzly = locator.getService(serviceType);
    Method lookup = serviceType.getMethod("lookupNetworkProxy", configType);
    Method name = configType.getMethod("getName");
    for (Object config : locator.getAllServices(configType)) {
      Object proxy = lookup.invoke(grizzly, config);
      if (proxy != null && !ADMIN_LISTENER.equals(name.invoke(config))) {
        Object listener = proxy.getClass().getMethod("getUnderlyingListener").invoke(proxy);
        List<?> filters =
            (List<?>)
                listener
                    .getClass()
                    .getMethod("getFilters", Class.class)
                    .invoke(listener, HttpServerFilter.class);
        filters.forEach(filter -> guard((HttpServerFilter) filter));
      }
    }
    return undo.size();
  }

  /** Gives every guarded listener its container handler back. */
  void uninstall() {
    undo.forEach(Runnable::run);
    undo.clear();
  }

  private void guard(HttpServerFilter filter) {
    HttpHandler container = filter.getHttpHandler();
    // Two listener configurations (the server's and the default one) can name the same listener.
    if (container == null || container instanceof RequestGuard) {
      return;
    }
    RequestGuard guard = new RequestGuard(container, maxHeaderBytes);
    filter.setHttpHandler(guard);
    undo.add(
        () -> {
          if (filter.getHttpHandler() == guard) {
            filter.setHttpHandler(container);
          }
        });
  }
}
