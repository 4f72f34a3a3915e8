package org.crater.k8s.gateway;

import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.crater.k8s.common.CraterLabels;
import org.crater.k8s.informer.ClusterCache;
import org.crater.k8s.kind.WorkloadKind;
import org.crater.k8s.kind.WorkloadKinds;
import org.crater.k8s.pod.PodObservation;
import org.crater.k8s.volcano.VolcanoJobStatus;
import org.crater.k8s.workload.ObservedWorkload;
import org.crater.k8s.workload.WorkloadNames;
import org.crater.k8s.workload.WorkloadPhase;
import org.crater.k8s.workload.WorkloadSettings;

/**
 * Rolls the cached Volcano job, pods and vanished pods of one attempt up into an {@link
 * ObservedWorkload}. Reads caches only, never the API: an attempt created a moment ago may still
 * read MISSING (pitfall "caches lag writes" in docs/architecture.md), and applying it again is
 * harmless.
 */
final class WorkloadObserver {

  // Volcano's job-level reasons when a member pod was evicted (its PodEvicted policy event).
  private static final Set<String> EVICTION_REASONS = Set.of("PodEvicted", "Evicted", "Preempted");

  private final ClusterCache cache;
  private final WorkloadSettings settings;

  WorkloadObserver(ClusterCache cache, WorkloadSettings settings) {
    this.cache = cache;
    this.settings = settings;
  }

  ObservedWorkload observe(String namespace, long jobId, int attempt) {
    String name = WorkloadNames.objectName(jobId, attempt);
    List<PodObservation> live = new ArrayList<>();
    String kind = null;
    for (V1Pod pod : cache.pods(jobId, attempt)) {
      if (namespace.equals(pod.getMetadata().getNamespace())) {
        live.add(PodObservation.of(pod, false));
        kind = pod.getMetadata().getLabels().get(CraterLabels.KIND);
      }
    }
    List<PodObservation> vanished = cache.vanishedPods(jobId, attempt);
    Optional<DynamicKubernetesObject> vcjob = cache.volcanoJob(namespace, name);
    if (vcjob.isEmpty() && live.isEmpty() && vanished.isEmpty()) {
      return ObservedWorkload.missing(jobId, attempt);
    }
    List<PodObservation> all = new ArrayList<>(live);
    vanished.stream()
        .filter(v -> live.stream().noneMatch(l -> l.name().equals(v.name())))
        .forEach(all::add);
    Rollup r = vcjob.map(j -> fromVolcano(j, all)).orElseGet(() -> fromPods(live, vanished));
    String url =
        WorkloadKinds.ofLabel(kind)
            .flatMap(WorkloadKind::interactive)
            .map(i -> settings.serviceUrl(name, namespace, i.port()))
            .orElse(null);
    return new ObservedWorkload(
        jobId,
        attempt,
        name,
        r.phase,
        r.exitCode,
        r.reason,
        r.message,
        nodes(all),
        start(all),
        r.phase.isTerminal() ? finish(all) : null,
        r.preempted || all.stream().anyMatch(PodObservation::preempted),
        url);
  }

  private record Rollup(
      WorkloadPhase phase, Integer exitCode, String reason, String message, boolean preempted) {}

  private static Rollup fromVolcano(DynamicKubernetesObject job, List<PodObservation> pods) {
    VolcanoJobStatus status = VolcanoJobStatus.of(job);
    Optional<PodObservation> culprit = culprit(pods);
    return new Rollup(
        status.phase(),
        culprit.map(PodObservation::exitCode).orElse(null),
        status.reason() != null
            ? status.reason()
            : culprit.map(PodObservation::reason).orElse(null),
        status.message() != null
            ? status.message()
            : culprit.map(PodObservation::message).orElse(null),
        EVICTION_REASONS.contains(String.valueOf(status.reason())));
  }

  /** A single Pod (or, without a Volcano job in the cache, the pods that remain). */
  private static Rollup fromPods(List<PodObservation> live, List<PodObservation> vanished) {
    if (live.isEmpty()) {
      PodObservation last = vanished.get(vanished.size() - 1);
      WorkloadPhase phase = last.phase().isTerminal() ? last.phase() : WorkloadPhase.MISSING;
      return new Rollup(phase, last.exitCode(), last.reason(), last.message(), false);
    }
    WorkloadPhase phase = rollupPhase(live);
    PodObservation main = culprit(live).orElse(live.get(0));
    return new Rollup(phase, main.exitCode(), main.reason(), main.message(), false);
  }

  static WorkloadPhase rollupPhase(List<PodObservation> pods) {
    if (pods.stream().anyMatch(p -> p.phase() == WorkloadPhase.FAILED)) {
      return WorkloadPhase.FAILED;
    }
    if (pods.stream().allMatch(p -> p.phase() == WorkloadPhase.SUCCEEDED)) {
      return WorkloadPhase.SUCCEEDED;
    }
    if (pods.stream().anyMatch(p -> p.phase() != WorkloadPhase.PENDING)) {
      return WorkloadPhase.RUNNING;
    }
    return WorkloadPhase.PENDING;
  }

  /** The pod that explains the outcome: the first failed one, else the first terminated one. */
  private static Optional<PodObservation> culprit(List<PodObservation> pods) {
    Comparator<PodObservation> byName = Comparator.comparing(PodObservation::name);
    return pods.stream()
        .filter(p -> p.phase() == WorkloadPhase.FAILED || p.preempted())
        .min(byName)
        .or(() -> pods.stream().filter(p -> p.exitCode() != null).min(byName));
  }

  private static List<String> nodes(List<PodObservation> pods) {
    TreeSet<String> nodes = new TreeSet<>();
    pods.stream().map(PodObservation::nodeName).filter(Objects::nonNull).forEach(nodes::add);
    return List.copyOf(nodes);
  }

  private static Instant start(List<PodObservation> pods) {
    return pods.stream()
        .map(PodObservation::startTime)
        .filter(Objects::nonNull)
        .min(Comparator.naturalOrder())
        .orElse(null);
  }

  private static Instant finish(List<PodObservation> pods) {
    return pods.stream()
        .map(PodObservation::finishTime)
        .filter(Objects::nonNull)
        .max(Comparator.naturalOrder())
        .orElse(null);
  }
}
