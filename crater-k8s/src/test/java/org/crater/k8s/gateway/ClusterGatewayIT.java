package org.crater.k8s.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.NetworkingV1Api;
import io.kubernetes.client.openapi.models.V1Ingress;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.crater.k8s.common.ClusterException;
import org.crater.k8s.common.ClusterRejectedException;
import org.crater.k8s.kind.WorkloadKinds;
import org.crater.k8s.support.SimHarness;
import org.crater.k8s.support.Specs;
import org.crater.k8s.workload.Mount;
import org.crater.k8s.workload.NotebookIngress;
import org.crater.k8s.workload.ObservedWorkload;
import org.crater.k8s.workload.WorkloadPhase;
import org.crater.k8s.workload.WorkloadSpec;
import org.crater.sim.SimConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway against the simulated cluster: apply, delete, observe, logs, and published notebooks.
 */
class ClusterGatewayIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final AtomicLong IDS = new AtomicLong(100);
  private static SimHarness cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = SimHarness.start(SimConfig.builder().nodes(4).gpusPerNode(8).runMs(60_000));
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  private static WorkloadSpec.Builder job(long runMs, int exitCode) {
    return Specs.aJob()
        .jobId(IDS.incrementAndGet())
        .annotation("sim.crater.io/run-ms", Long.toString(runMs))
        .annotation("sim.crater.io/exit-code", Integer.toString(exitCode));
  }

  private static ObservedWorkload awaitPhase(WorkloadSpec spec, WorkloadPhase phase) {
    return await()
        .atMost(WAIT)
        .until(
            () -> cluster.gateway().observe(spec.jobId(), spec.attempt()), o -> o.phase() == phase);
  }

  private static int podCount(WorkloadSpec spec) throws ApiException {
    return new CoreV1Api(cluster.client())
        .listNamespacedPod(SimHarness.NAMESPACE)
        .labelSelector("crater.io/job-id=" + spec.jobId())
        .execute()
        .getItems()
        .size();
  }

  @Test
  void applyingTwiceCreatesOnce() throws Exception {
    WorkloadSpec spec = job(60_000, 0).build();
    cluster.gateway().apply(spec);
    cluster.gateway().apply(spec);
    assertThat(podCount(spec)).isEqualTo(1);
    assertThat(
            new CoreV1Api(cluster.client())
                .readNamespacedPod("crater-" + spec.jobId() + "-1", SimHarness.NAMESPACE)
                .execute()
                .getMetadata()
                .getName())
        .isEqualTo("crater-" + spec.jobId() + "-1");
  }

  @Test
  void objectsTheServerRefusesFailWithItsExplanation() {
    WorkloadSpec pod = job(60_000, 0).mount(new Mount("data", "", "relative", false)).build();
    WorkloadSpec gang =
        job(60_000, 0)
            .kind(WorkloadKinds.PYTORCH)
            .replicas(2)
            .mount(new Mount("data", "", "/data", false))
            .mount(new Mount("home", "", "/data", false))
            .build();

    assertThatThrownBy(() -> cluster.gateway().apply(pod))
        .isInstanceOfSatisfying(
            ClusterRejectedException.class,
            e ->
                assertThat(e.clusterMessage())
                    .contains("crater-" + pod.jobId() + "-1", "must be an absolute path"));
    assertThatThrownBy(() -> cluster.gateway().apply(gang))
        .isInstanceOfSatisfying(
            ClusterRejectedException.class,
            e -> assertThat(e.clusterMessage()).contains("must be unique"));
  }

  @Test
  void deletingTwiceIsFineAndRemovesThePod() throws Exception {
    WorkloadSpec spec = job(60_000, 0).build();
    cluster.gateway().apply(spec);
    awaitPhase(spec, WorkloadPhase.RUNNING);
    cluster.gateway().delete(spec.jobId(), spec.attempt());
    assertThatCode(() -> cluster.gateway().delete(spec.jobId(), spec.attempt()))
        .doesNotThrowAnyException();
    await().atMost(WAIT).until(() -> podCount(spec) == 0);
    ObservedWorkload gone = awaitPhase(spec, WorkloadPhase.MISSING);
    assertThat(gone.preempted()).as("deleted by Crater, not preempted").isFalse();
  }

  @Test
  void podRunsToSucceededWithNodeTimesLogsAndEvents() throws Exception {
    WorkloadSpec spec = job(300, 0).build();
    cluster.gateway().apply(spec);
    ObservedWorkload done = awaitPhase(spec, WorkloadPhase.SUCCEEDED);
    assertThat(done.exitCode()).isZero();
    assertThat(done.nodeNames()).hasSize(1);
    assertThat(done.startTime()).isBeforeOrEqualTo(done.finishTime());
    assertThat(done.preempted()).isFalse();
    assertThat(cluster.gateway().readLogs(spec.jobId(), spec.attempt(), 100))
        .contains("exited with code 0");
    try (InputStream in = cluster.gateway().followLogs(spec.jobId(), spec.attempt(), null);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      assertThat(r.readLine()).contains("started pod");
    }
  }

  @Test
  void theLogTailIsTheLogsLastLinesWithinTheBound() {
    WorkloadSpec spec = job(300, 0).build();
    cluster.gateway().apply(spec);
    awaitPhase(spec, WorkloadPhase.SUCCEEDED);
    String whole = cluster.gateway().readLogs(spec.jobId(), spec.attempt(), null);

    LogTail all = cluster.gateway().readLogTail(spec.jobId(), spec.attempt(), 1 << 20);
    LogTail last = cluster.gateway().readLogTail(spec.jobId(), spec.attempt(), 60);

    assertThat(all).isEqualTo(new LogTail(whole, false));
    assertThat(last.truncated()).isTrue();
    assertThat(last.text())
        .hasSizeLessThanOrEqualTo(60)
        .startsWith("crater-sim: pod ")
        .endsWith("exited with code 0\n");
    assertThat(whole).endsWith(last.text());
    assertThatThrownBy(() -> cluster.gateway().readLogTail(IDS.incrementAndGet(), 1, 40))
        .isInstanceOfSatisfying(
            ClusterException.class, e -> assertThat(e.httpStatus()).isEqualTo(404));
  }

  @Test
  void failingPodReportsFailedWithExitCode() {
    WorkloadSpec spec = job(200, 3).build();
    cluster.gateway().apply(spec);
    ObservedWorkload failed = awaitPhase(spec, WorkloadPhase.FAILED);
    assertThat(failed.exitCode()).isEqualTo(3);
    assertThat(failed.finishTime()).isAfterOrEqualTo(failed.startTime());
    assertThat(failed.preempted()).isFalse();
  }

  @Test
  void volcanoGangRunsToCompletion() throws Exception {
    WorkloadSpec spec =
        job(500, 0).kind(WorkloadKinds.PYTORCH).replicas(3).resource("nvidia.com/gpu", "4").build();
    cluster.gateway().apply(spec);
    DesiredWorkload desired = DesiredWorkload.of(spec, cluster.gateway().settings());
    assertThat(desired.pod()).as("a gang is no single pod").isNull();
    assertThat(desired.volcanoJob().getKind()).isEqualTo("Job");
    assertThat(desired.volcanoJob().getApiVersion()).isEqualTo("batch.volcano.sh/v1alpha1");
    cluster.gateway().apply(spec);
    await().atMost(WAIT).until(() -> podCount(spec) == 3);
    ObservedWorkload done = awaitPhase(spec, WorkloadPhase.SUCCEEDED);
    assertThat(done.nodeNames()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(cluster.gateway().readLogs(spec.jobId(), spec.attempt(), null)).contains("master");
    cluster.gateway().delete(spec.jobId(), spec.attempt());
    await().atMost(WAIT).until(() -> podCount(spec) == 0);
  }

  @Test
  void jupyterGetsAServiceAndUrl() throws Exception {
    WorkloadSpec spec = job(60_000, 0).kind(WorkloadKinds.JUPYTER).build();
    cluster.gateway().apply(spec);
    DesiredWorkload applied = DesiredWorkload.of(spec, cluster.gateway().settings());
    assertThat(applied.endpoint().url()).contains("token=" + applied.endpoint().secret());
    assertThat(
            new CoreV1Api(cluster.client())
                .readNamespacedService(applied.name(), SimHarness.NAMESPACE)
                .execute()
                .getSpec()
                .getPorts())
        .anySatisfy(p -> assertThat(p.getPort()).isEqualTo(8888));
    ObservedWorkload running = awaitPhase(spec, WorkloadPhase.RUNNING);
    assertThat(running.serviceUrl()).startsWith("http://" + applied.name() + ".crater-jobs.svc");
    cluster.gateway().delete(spec.jobId(), spec.attempt());
  }

  @Test
  void aPublishedNotebookGetsAnIngressThatOpensItAndGoesWithIt() throws Exception {
    ClusterGateway published =
        new ClusterGateway(
            cluster.client(),
            cluster.watchClient(),
            cluster
                .gateway()
                .settings()
                .withNotebooks(
                    new NotebookIngress(
                        true,
                        "nginx",
                        "localhost",
                        "/jupyter/",
                        null,
                        "http://localhost:" + cluster.sim().port(),
                        null)),
            cluster.cache(),
            Clock.systemUTC());
    WorkloadSpec spec = job(60_000, 0).kind(WorkloadKinds.JUPYTER).accessSecret("tok3n").build();
    NetworkingV1Api networking = new NetworkingV1Api(cluster.client());

    published.apply(spec);
    DesiredWorkload applied = DesiredWorkload.of(spec, published.settings());
    V1Ingress ingress =
        networking.readNamespacedIngress(applied.name(), SimHarness.NAMESPACE).execute();
    awaitPhase(spec, WorkloadPhase.RUNNING);
    String url = applied.endpoint().url();

    assertThat(url)
        .isEqualTo(
            "http://localhost:"
                + cluster.sim().port()
                + "/jupyter/"
                + applied.name()
                + "/?token=tok3n");
    assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
    assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("localhost");
    assertThat(status(url)).isEqualTo(200);
    assertThat(status(url.replace("tok3n", "wrong"))).isEqualTo(403);

    published.delete(spec.jobId(), spec.attempt());

    assertThatThrownBy(
            () -> networking.readNamespacedIngress(applied.name(), SimHarness.NAMESPACE).execute())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    assertThat(status(url)).isEqualTo(404);
  }

  private static int status(String url) throws Exception {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
