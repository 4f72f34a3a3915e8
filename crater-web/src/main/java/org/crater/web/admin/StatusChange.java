package org.crater.web.admin;

import jakarta.validation.constraints.NotNull;
import org.crater.model.user.UserStatus;

/**
 * A new user status.
 *
 * @param status ACTIVE or DISABLED
 */
public record StatusChange(@NotNull UserStatus status) {}
