package org.crater.web.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.crater.model.common.Names;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new user. Sign-up never grants the ADMIN role.
 *
 * @param username a DNS-1123 label, e.g. {@code alice}
 * @param password 8 to 72 bytes
 * @param displayName the name to show; the username when absent
 * @param email where to reach the user
 */
@Schema(name = "SignupRequest")
public record SignupRequest(
    @NotNull
        @Pattern(regexp = Names.DNS_1123_LABEL, message = "must be a DNS-1123 label (a-z, 0-9, -)")
        @Size(max = 63)
        @Schema(example = "alice")
        String username,
    @NotNull @Size(min = 8, max = 72) @Schema(example = "correct horse battery") String password,
    @Size(max = 128) @Schema(example = "Alice Liddell") String displayName,
    @Email @Size(max = 254) @Schema(example = "alice@lab.example") String email) {}
