package org.crater.ejb.auth;

import java.time.Instant;
import org.crater.model.user.User;

/**
 * A freshly issued access and refresh token.
 *
 * @param accessToken the bearer token for API calls
 * @param accessExpiresAt when the access token expires
 * @param refreshToken the one-time token that buys the next pair
 * @param refreshExpiresAt when the refresh token expires
 * @param user the user they were issued to
 */
public record TokenPair(
    String accessToken,
    Instant accessExpiresAt,
    String refreshToken,
    Instant refreshExpiresAt,
    User user) {}
