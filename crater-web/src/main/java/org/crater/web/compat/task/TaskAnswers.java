package org.crater.web.compat.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The payloads of the v0.1.0 task routes. v0.1.0 left some of its structs untagged, so their Go
 * field names became the JSON keys ({@code TaskID}, {@code Tasks}, {@code Status}, {@code Count});
 * the frontend reads exactly those.
 */
public final class TaskAnswers {

  private TaskAnswers() {}

  /**
   * A created task.
   *
   * @param taskId its id
   */
  @Schema(name = "V010TaskCreated")
  public record Created(@JsonProperty("TaskID") long taskId) {}

  /**
   * Tasks, newest first.
   *
   * @param tasks the tasks
   */
  @Schema(name = "V010TaskList")
  public record Listing(@JsonProperty("Tasks") List<TaskView> tasks) {}

  /**
   * How many tasks are in each status; statuses without tasks are left out.
   *
   * @param taskCount one entry per status
   */
  @Schema(name = "V010TaskStats")
  public record Stats(List<StatusCount> taskCount) {}

  /**
   * One status and its count.
   *
   * @param status the v0.1.0 status, e.g. {@code Running}
   * @param count how many tasks are in it
   */
  @Schema(name = "V010StatusCount")
  @JsonPropertyOrder({"Status", "Count"})
  public record StatusCount(
      @JsonProperty("Status") String status, @JsonProperty("Count") long count) {}

  /**
   * A user's quota in v0.1.0's shape: one hard limit for guaranteed tasks, and what guaranteed
   * ({@code hardUsed}) and best-effort ({@code softUsed}) tasks hold. Keys are Kubernetes resource
   * names ({@code cpu}, {@code memory}, {@code nvidia.com/gpu}), values Kubernetes quantities.
   *
   * @param user the user
   * @param hard their quota in the default account
   * @param hardUsed what their guaranteed jobs there hold
   * @param softUsed what their best-effort jobs there hold (beyond quota)
   */
  @Schema(name = "V010Quota")
  @JsonPropertyOrder({"user", "hard", "hardUsed", "softUsed"})
  public record Quota(
      String user,
      Map<String, String> hard,
      Map<String, String> hardUsed,
      Map<String, String> softUsed) {}
}
