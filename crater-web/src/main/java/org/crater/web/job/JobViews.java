package org.crater.web.job;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crater.ejb.quota.ResourceQuantities;
import org.crater.ejb.reconcile.Endpoint;
import org.crater.ejb.scheduler.Waiting;
import org.crater.model.job.Job;
import org.crater.model.job.JobEvent;
import org.crater.model.job.JobKind;
import org.crater.model.job.JobMount;
import org.crater.model.job.JobPhase;
import org.crater.model.job.JobRequest;
import org.crater.model.quota.ResourceVector;

/** Converts between job requests, jobs and their views. */
public final class JobViews {

  private JobViews() {}

  /** The domain request; resource quantities are parsed here, errors under {@code resources.*}. */
  public static JobRequest request(SubmitJobRequest body) {
    ResourceVector resources = ResourceQuantities.parse("resources", body.resources());
    return new JobRequest(
        body.name().strip(),
        body.kind(),
        body.taskType(),
        body.slo(),
        body.image().strip(),
        body.command(),
        body.args(),
        body.env() == null ? Map.of() : body.env(),
        body.workingDir(),
        resources,
        body.gpuModel(),
        body.replicas() == null ? 1 : body.replicas(),
        body.mounts() == null
            ? null
            : body.mounts().stream()
                .map(
                    m ->
                        new JobMount(
                            m.pvc(), m.subPath(), m.mountPath(), Boolean.TRUE.equals(m.readOnly())))
                .toList(),
        body.estimatedSeconds());
  }

  /**
   * The view of a job, with its place in the queue and the endpoint of a running interactive job
   * when it has them; a Jupyter job shows its endpoint also as {@code jupyter}, as it always has.
   */
  public static JobView of(Job job, Optional<Waiting> waiting, Optional<Endpoint> endpoint) {
    return new JobView(
        job.getId(),
        job.getName(),
        job.getOwner().getUsername(),
        job.getAccount().getName(),
        job.getKind(),
        job.getTaskType(),
        job.getSlo(),
        job.getImage(),
        job.getCommand(),
        job.getArgs(),
        ResourceQuantities.format(job.getResources()),
        job.getGpuModel(),
        job.getReplicas(),
        job.getPhase(),
        job.getReason(),
        job.getReasonMessage(),
        job.getAttempt(),
        job.getSubmittedAt(),
        job.getAdmittedAt(),
        job.getStartedAt(),
        job.getFinishedAt(),
        job.getArchivedAt(),
        job.getExitCode(),
        job.getNodes() == null || job.getNodes().isEmpty()
            ? List.of()
            : List.of(job.getNodes().split(",")),
        job.getPreemptions(),
        waiting
            .filter(w -> job.getPhase() == JobPhase.QUEUEING)
            .map(
                w ->
                    new JobView.WaitingView(
                        w.reason().code(),
                        w.reason().details(),
                        w.reason().message(),
                        w.position()))
            .orElse(null),
        endpoint
            .filter(e -> job.getKind() == JobKind.JUPYTER)
            .map(e -> new JobView.JupyterView(e.url(), e.secret()))
            .orElse(null),
        endpoint
            .map(e -> new JobView.EndpointView(e.url(), e.secret(), e.secretName()))
            .orElse(null));
  }

  public static JobEventView event(JobEvent event) {
    return new JobEventView(
        event.getAt(),
        event.getFrom(),
        event.getTo(),
        event.getReason(),
        event.getMessage(),
        event.getActor());
  }
}
