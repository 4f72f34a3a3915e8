package org.crater.web.compat;

import java.util.Locale;
import org.crater.ejb.common.CraterException;
import org.crater.model.user.PlatformRole;

/** Platform roles as v0.1.0 wrote them: {@code admin} and {@code user}. */
public final class Roles {

  private Roles() {}

  public static String name(PlatformRole role) {
    return role.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The role named {@code admin} or {@code user} (any case).
   *
   * @throws CraterException 400 with v0.1.0's code 40005 for anything else
   */
  public static PlatformRole parse(String name) {
    for (PlatformRole role : PlatformRole.values()) {
      if (name(role).equalsIgnoreCase(name == null ? "" : name.strip())) {
        return role;
      }
    }
    throw invalid("The role must be admin or user.");
  }

  /** A refused role: v0.1.0's code 40005. */
  public static CraterException invalid(String message) {
    return new CraterException(400, CompatErrors.INVALID_ROLE_CODE, message);
  }
}
