package org.crater.k8s.pod;

import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crater.k8s.workload.WorkloadPhase;

/**
 * What one Pod shows: phase, the main container's exit code, a reason, its node and whether the
 * cluster preempted it (a {@code DisruptionTarget} condition, status reason {@code
 * Preempting}/{@code Evicted}, or deletion by someone other than Crater while it held a node).
 *
 * @param name pod name
 * @param phase mapped phase; Unknown counts as PENDING
 * @param exitCode exit code of the terminated main container, else null
 * @param reason machine-readable reason, may be null
 * @param message detail, may be null
 * @param nodeName bound node, may be null
 * @param startTime main container start (else the pod's), may be null
 * @param finishTime main container finish, may be null
 * @param preempted true when evicted by the cluster
 */
public record PodObservation(
    String name,
    WorkloadPhase phase,
    Integer exitCode,
    String reason,
    String message,
    String nodeName,
    Instant startTime,
    Instant finishTime,
    boolean preempted) {

  private static final Set<String> EVICTION_REASONS = Set.of("Preempting", "Evicted", "Preempted");

  /** Reads a pod; {@code deletedExternally} says the informer saw it deleted by someone else. */
  public static PodObservation of(V1Pod pod, boolean deletedExternally) {
    V1PodStatus status = pod.getStatus() == null ? new V1PodStatus() : pod.getStatus();
    String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    WorkloadPhase phase = phaseOf(status.getPhase());
    Optional<V1ContainerStateTerminated> terminated = terminated(status);
    boolean preempted =
        disrupted(status)
            || (status.getReason() != null && EVICTION_REASONS.contains(status.getReason()))
            || (deletedExternally && !phase.isTerminal() && node != null);
    String reason =
        terminated.map(V1ContainerStateTerminated::getReason).orElse(status.getReason());
    String message = terminated.map(V1ContainerStateTerminated::getMessage).orElse(null);
    if (reason == null) {
      Optional<V1PodCondition> blocking = blockingCondition(status);
      reason = blocking.map(V1PodCondition::getReason).orElse(waitingReason(status));
      message = blocking.map(V1PodCondition::getMessage).orElse(status.getMessage());
    }
    if (preempted && reason == null) {
      // Who disrupted it says why: DeletionByTaintManager, PreemptionByScheduler, ...
      Optional<V1PodCondition> disruption = disruption(status);
      reason =
          disruption
              .map(V1PodCondition::getReason)
              .orElse(deletedExternally ? "DeletedExternally" : "Preempted");
      message = message == null ? disruption.map(V1PodCondition::getMessage).orElse(null) : message;
    }
    return new PodObservation(
        pod.getMetadata() == null ? null : pod.getMetadata().getName(),
        phase,
        terminated.map(V1ContainerStateTerminated::getExitCode).orElse(null),
        reason,
        message == null ? status.getMessage() : message,
        node,
        containerStart(status).orElse(instant(status.getStartTime())),
        terminated.map(t -> instant(t.getFinishedAt())).orElse(null),
        preempted);
  }

  static WorkloadPhase phaseOf(String podPhase) {
    if (podPhase == null) {
      return WorkloadPhase.PENDING;
    }
    return switch (podPhase) {
      case "Running" -> WorkloadPhase.RUNNING;
      case "Succeeded" -> WorkloadPhase.SUCCEEDED;
      case "Failed" -> WorkloadPhase.FAILED;
      default -> WorkloadPhase.PENDING;
    };
  }

  private static boolean disrupted(V1PodStatus status) {
    return disruption(status).isPresent();
  }

  private static Optional<V1PodCondition> disruption(V1PodStatus status) {
    return conditions(status).stream()
        .filter(c -> "DisruptionTarget".equals(c.getType()) && "True".equals(c.getStatus()))
        .findFirst();
  }

  private static Optional<V1PodCondition> blockingCondition(V1PodStatus status) {
    return conditions(status).stream()
        .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()))
        .findFirst();
  }

  private static List<V1PodCondition> conditions(V1PodStatus status) {
    return status.getConditions() == null ? List.of() : status.getConditions();
  }

  private static Optional<V1ContainerStateTerminated> terminated(V1PodStatus status) {
    return mainStatus(status).map(V1ContainerStatus::getState).map(V1ContainerState::getTerminated);
  }

  /** When the main container started, running or since terminated. */
  private static Optional<Instant> containerStart(V1PodStatus status) {
    return mainStatus(status)
        .map(V1ContainerStatus::getState)
        .map(
            state ->
                state.getRunning() != null
                    ? state.getRunning().getStartedAt()
                    : state.getTerminated() == null ? null : state.getTerminated().getStartedAt())
        .map(PodObservation::instant);
  }

  private static String waitingReason(V1PodStatus status) {
    return mainStatus(status)
        .map(V1ContainerStatus::getState)
        .map(s -> s.getWaiting() == null ? null : s.getWaiting().getReason())
        .orElse(null);
  }

  private static Optional<V1ContainerStatus> mainStatus(V1PodStatus status) {
    List<V1ContainerStatus> all = status.getContainerStatuses();
    if (all == null || all.isEmpty()) {
      return Optional.empty();
    }
    return all.stream()
        .filter(c -> PodTemplates.MAIN_CONTAINER.equals(c.getName()))
        .findFirst()
        .or(() -> Optional.of(all.get(0)));
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
