package org.crater.web.compat.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crater.web.compat.task.TaskAnswers;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The payloads of the v0.1.0 admin routes, with v0.1.0's Go-style keys {@code Users}, {@code
 * Quotas}.
 */
public final class AdminAnswers {

  private AdminAnswers() {}

  /**
   * A user and their quota.
   *
   * @param userID the user id
   * @param userName the username
   * @param role {@code admin} or {@code user}
   * @param quotaHard their quota in the default account, {@code null} when not a member
   * @param createdAt when they were created
   * @param updatedAt when they last changed
   */
  @Schema(name = "V010User")
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @JsonPropertyOrder({"userID", "userName", "role", "quotaHard", "createdAt", "updatedAt"})
  public record User(
      long userID,
      String userName,
      String role,
      Map<String, String> quotaHard,
      Instant createdAt,
      Instant updatedAt) {}

  /**
   * Every user, by name.
   *
   * @param users the users
   */
  @Schema(name = "V010UserList")
  public record Users(@JsonProperty("Users") List<User> users) {}

  /**
   * Every member's quota in the default account.
   *
   * @param quotas one per member, by name
   */
  @Schema(name = "V010QuotaList")
  public record Quotas(@JsonProperty("Quotas") List<TaskAnswers.Quota> quotas) {}
}
