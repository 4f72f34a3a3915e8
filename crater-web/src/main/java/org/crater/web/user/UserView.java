package org.crater.web.user;

import java.time.Instant;
import org.crater.model.user.PlatformRole;
import org.crater.model.user.UserStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A user as others may see them.
 *
 * @param username the unique name
 * @param displayName the name to show
 * @param email where to reach them, if given
 * @param role the platform role
 * @param status active or disabled
 * @param createdAt when the user was created
 */
@Schema(name = "User")
public record UserView(
    @Schema(example = "alice") String username,
    @Schema(example = "Alice Liddell") String displayName,
    @Schema(example = "alice@lab.example") String email,
    PlatformRole role,
    UserStatus status,
    Instant createdAt) {}
