package org.crater.web.admin;

import jakarta.validation.constraints.NotNull;
import org.crater.model.user.PlatformRole;

/**
 * A new platform role.
 *
 * @param role ADMIN or USER
 */
public record RoleChange(@NotNull PlatformRole role) {}
