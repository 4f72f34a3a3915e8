package org.crater.web.quota;

import java.util.List;
import org.crater.model.account.AccountRole;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The caller's quota in one account.
 *
 * @param account the account name
 * @param role the caller's role there
 * @param resources limit and usage per resource
 */
@Schema(name = "Quota")
public record QuotaView(String account, AccountRole role, List<Usage> resources) {

  /**
   * One resource: the caller's limit and use, and the account's. Guaranteed jobs count against the
   * limits ({@code used}); best-effort jobs run beyond them and show beside ({@code
   * bestEffortUsed}).
   *
   * @param name the resource, e.g. {@code nvidia.com/gpu}
   * @param limit the caller's quota
   * @param used what the caller's guaranteed jobs hold
   * @param bestEffortUsed what the caller's best-effort jobs hold
   * @param accountLimit the account's quota
   * @param accountUsed what all members' guaranteed jobs hold
   * @param accountBestEffortUsed what all members' best-effort jobs hold
   */
  @Schema(name = "ResourceUsage")
  public record Usage(
      @Schema(example = "nvidia.com/gpu") String name,
      @Schema(example = "2") String limit,
      @Schema(example = "1") String used,
      @Schema(example = "4") String bestEffortUsed,
      @Schema(example = "8") String accountLimit,
      @Schema(example = "5") String accountUsed,
      @Schema(example = "12") String accountBestEffortUsed) {}
}
