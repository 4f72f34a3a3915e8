package org.crater.web.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who a request on a public route (login, refresh) was about, as the route learned it: the name
 * tried at a login, or the user a login or refresh succeeded for. Never a password or token.
 */
@RequestScoped
public class AuditNote {

  private Long userId;
  private String username;

  /** The name a login tried, whether or not it succeeds. */
  public void tried(String name) {
    this.username = name;
  }

  /** The user the request succeeded for. */
  public void succeeded(long id, String name) {
    this.userId = id;
    this.username = name;
  }

  Long userId() {
    return userId;
  }

  String username() {
    return username;
  }
}
