package org.crater.web.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crater.model.job.JobKind;
import org.crater.model.job.JobPhase;
import org.crater.model.job.Slo;
import org.crater.model.job.TaskType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A job and where it stands.
 *
 * @param id the job id
 * @param name its name
 * @param owner who submitted it
 * @param account the account it is charged to
 * @param kind batch, Jupyter or PyTorch
 * @param taskType what it is for
 * @param slo guaranteed or best effort
 * @param image the container image
 * @param command the entrypoint
 * @param args its arguments
 * @param resources per replica, as Kubernetes quantities
 * @param gpuModel the GPU model asked for
 * @param replicas how many pods
 * @param phase where it stands
 * @param reason why it is where it is (a stable code)
 * @param reasonMessage the same for people
 * @param attempt which run this is (preemption requeues as the next attempt)
 * @param submittedAt when it was submitted
 * @param admittedAt when the scheduler admitted it
 * @param startedAt when it started running
 * @param finishedAt when it ended
 * @param archivedAt when it was archived (lists leave it out); null while it is not
 * @param exitCode the exit code, once ended
 * @param nodes the nodes it runs (or ran) on
 * @param preemptions how often it was preempted
 * @param waiting why a queued job waits and its queue position; null when not queued
 * @param jupyter the notebook URL and token of a running Jupyter job (its owner and administrators
 *     only see jobs at all); null otherwise
 * @param endpoint the URL and secret of a running interactive job of any kind (a notebook, a
 *     WebIDE), for its owner and administrators only; null otherwise
 */
@Schema(name = "Job")
public record JobView(
    long id,
    String name,
    String owner,
    String account,
    JobKind kind,
    TaskType taskType,
    Slo slo,
    String image,
    List<String> command,
    List<String> args,
    Map<String, String> resources,
    String gpuModel,
    int replicas,
    JobPhase phase,
    String reason,
    String reasonMessage,
    int attempt,
    Instant submittedAt,
    Instant admittedAt,
    Instant startedAt,
    Instant finishedAt,
    Instant archivedAt,
    Integer exitCode,
    List<String> nodes,
    int preemptions,
    WaitingView waiting,
    JupyterView jupyter,
    EndpointView endpoint) {

  /**
   * Why a queued job waits.
   *
   * @param reason a stable code: QuotaExceeded, NoCapacity, NeverFits, AccountExpired,
   *     BehindInQueue
   * @param details the reason's parameters (e.g. resource, need, free; model; ahead)
   * @param message the same for people
   * @param position 1 for the next job the scheduler considers
   */
  @Schema(name = "Waiting")
  public record WaitingView(
      String reason, Map<String, String> details, String message, int position) {}

  /**
   * Where a running notebook answers.
   *
   * @param url the URL to open, token included: behind the notebook's Ingress when notebooks are
   *     published (crater.notebooks.ingress.enabled), else the in-cluster Service URL
   * @param token the notebook token, stored with the job: the same for every attempt and replica
   */
  @Schema(name = "Jupyter")
  public record JupyterView(String url, String token) {}

  /**
   * Where a running interactive job answers and the secret that opens it.
   *
   * @param url the URL to open: behind the job's Ingress when interactive jobs are published
   *     (crater.notebooks.ingress.enabled), else the in-cluster Service URL; a notebook's carries
   *     its token ({@code ?token=})
   * @param secret the token or password, stored with the job: the same for every attempt and
   *     replica
   * @param secretName {@code token} (a notebook: in the URL) or {@code password} (a WebIDE: typed
   *     into its login page)
   */
  @Schema(name = "Endpoint")
  public record EndpointView(String url, String secret, String secretName) {}
}
