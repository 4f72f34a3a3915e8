package org.crater.ejb.scheduler;

import java.lang.reflect.Proxy;
import java.util.function.Consumer;

/** Fakes of a boundary's interface that serve one method and fail the test on any other call. */
final class OneMethod {

  private OneMethod() {}

  /** A {@code type} whose {@code method} hands its arguments to {@code call} and returns null. */
  static <T> T of(Class<T> type, String method, Consumer<Object[]> call) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, called, args) -> {
              if (!called.getName().equals(method)) {
                throw new UnsupportedOperationException(called.getName());
              }
              call.accept(args);
              return null;
            }));
  }
}
