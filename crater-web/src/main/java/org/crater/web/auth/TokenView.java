package org.crater.web.auth;

import java.time.Instant;
import org.crater.web.user.UserView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A token pair.
 *
 * @param accessToken send as {@code Authorization: Bearer <accessToken>}
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the access token expires
 * @param refreshToken use once at {@code /api/v1/auth/refresh} for the next pair
 * @param refreshExpiresAt when the refresh token expires
 * @param user who the tokens belong to
 */
@Schema(name = "Tokens")
public record TokenView(
    String accessToken,
    @Schema(example = "Bearer") String tokenType,
    @Schema(example = "3600") long expiresIn,
    String refreshToken,
    Instant refreshExpiresAt,
    UserView user) {}
