package org.crater.web.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Credentials.
 *
 * @param username the username
 * @param password the password
 */
@Schema(name = "LoginRequest")
public record LoginRequest(
    @NotBlank @Size(max = 63) @Schema(example = "alice") String username,
    @NotBlank @Size(max = 256) @Schema(example = "correct horse battery") String password) {}
