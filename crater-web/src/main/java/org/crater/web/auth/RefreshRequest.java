package org.crater.web.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A refresh token to rotate or to end.
 *
 * @param refreshToken the refresh token from the last login or refresh
 */
@Schema(name = "RefreshRequest")
public record RefreshRequest(@NotBlank @Size(max = 4096) String refreshToken) {}
