package org.crater.web.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.crater.ejb.auth.InvalidTokenException;
import org.crater.ejb.auth.Principal;

/** The authenticated caller of the current request, set by {@link AuthFilter}. */
@RequestScoped
public class CurrentUser {

  private Principal principal;

  void set(Principal principal) {
    this.principal = principal;
  }

  /** The caller; a route marked {@link Public} has none and must not ask. */
  public Principal get() {
    if (principal == null) {
      throw InvalidTokenException.missing();
    }
    return principal;
  }

  /** The caller, when the request was authenticated (empty on a public or refused route). */
  public Optional<Principal> find() {
    return Optional.ofNullable(principal);
  }

  public long id() {
    return get().userId();
  }
}
