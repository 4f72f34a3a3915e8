package org.crater.sim.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.NetworkingV1Api;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HTTPIngressPath;
import io.kubernetes.client.openapi.models.V1HTTPIngressRuleValue;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressBackend;
import io.kubernetes.client.openapi.models.V1IngressRule;
import io.kubernetes.client.openapi.models.V1IngressServiceBackend;
import io.kubernetes.client.openapi.models.V1IngressSpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceBackendPort;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.crater.sim.SimClients;
import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.crater.sim.TestPods;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated ingress controller in front of a fake Jupyter Server, over HTTP. */
class IngressFrontTest {
  private static final String NS = "default";
  private static SimCluster cluster;
  private static ApiClient client;

  @BeforeAll
  static void start() {
    cluster = SimCluster.start(SimConfig.builder().nodes(1).build());
    client = SimClients.client(cluster);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void aRunningNotebookAnswersWithItsTokenOnly() throws Exception {
    notebook("nb-1", "--ServerApp.base_url=/jupyter/nb-1/", "/jupyter/nb-1/", "s3cret");

    HttpResponse<String> page = get("/jupyter/nb-1/?token=s3cret", null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body()).contains("Notebook nb-1").contains("/jupyter/nb-1/");
    assertThat(get("/jupyter/nb-1/lab", "token s3cret").statusCode()).isEqualTo(200);
    assertThat(get("/jupyter/nb-1/", null).statusCode()).isEqualTo(403);
    assertThat(get("/jupyter/nb-1/?token=wrong", null).statusCode()).isEqualTo(403);
    assertThat(get("/jupyter/nb-2/?token=s3cret", null).statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/namespaces", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aNotebookWithAnotherBaseUrlAnswersNotFoundLikeJupyter() throws Exception {
    notebook("nb-3", "", "/jupyter/nb-3/", "t");

    assertThat(get("/jupyter/nb-3/?token=t", null).statusCode()).isEqualTo(404);
  }

  @Test
  void aRunningCodeServerBehindAStrippedPrefixOpensWithItsPasswordOnly() throws Exception {
    V1Pod pod = TestPods.aPod("ide-1").label("app", "ide-1").runMs(60_000).build();
    pod.getSpec()
        .getContainers()
        .get(0)
        .env(List.of(new V1EnvVar().name("PASSWORD").value("pa ss")));
    new CoreV1Api(client).createNamespacedPod(NS, pod).execute();
    service("ide-1");
    V1Ingress ingress = ingressBody("ide-1", "/apps/ide-1(/|$)(.*)");
    ingress
        .getMetadata()
        .annotations(
            Map.of(
                "nginx.ingress.kubernetes.io/use-regex", "true",
                "nginx.ingress.kubernetes.io/rewrite-target", "/$2"));
    ingress
        .getSpec()
        .getRules()
        .get(0)
        .getHttp()
        .getPaths()
        .get(0)
        .pathType("ImplementationSpecific");
    new NetworkingV1Api(client).createNamespacedIngress(NS, ingress).execute();
    awaitRunning("ide-1");

    HttpResponse<String> anonymous = get("/apps/ide-1/", null);
    HttpResponse<String> wrong = post("/apps/ide-1/login", "password=nope");
    HttpResponse<String> right = post("/apps/ide-1/login", "password=pa+ss");
    String cookie = right.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location")).hasValue("./login");
    assertThat(get("/apps/ide-1/login", null).body()).contains("code-server login");
    assertThat(wrong.statusCode()).isEqualTo(200);
    assertThat(wrong.body()).contains("Incorrect password");
    assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(right.statusCode()).isEqualTo(302);
    assertThat(cookie).startsWith("code-server-session=").doesNotContain("pa ss");
    HttpResponse<String> page = get("/apps/ide-1/", null, "Cookie", cookie);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("VS Code ide-1").contains(" at / ");
    assertThat(get("/apps/ide-1/", null, "Cookie", "code-server-session=0").statusCode())
        .isEqualTo(302);
  }

  @Test
  void aRuleWithoutRunningPodsAnswersUnavailable() throws Exception {
    service("nb-4");
    ingress("nb-4", "/jupyter/nb-4/");

    assertThat(get("/jupyter/nb-4/?token=t", null).statusCode()).isEqualTo(503);

    new NetworkingV1Api(client).deleteNamespacedIngress("nb-4", NS).execute();
    assertThat(get("/jupyter/nb-4/?token=t", null).statusCode()).isEqualTo(404);
  }

  @Test
  void ingressesARealApiServerRefusesAreRefused() {
    V1Ingress relative = ingressBody("bad-1", "jupyter/x/");
    V1Ingress ip = ingressBody("bad-2", "/x/");
    ip.getSpec().getRules().get(0).host("10.0.0.1");

    for (V1Ingress bad : List.of(relative, ip)) {
      assertThatThrownBy(
              () -> new NetworkingV1Api(client).createNamespacedIngress(NS, bad).execute())
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(422));
    }
  }

  private static void notebook(String name, String notebookArgs, String path, String token)
      throws ApiException {
    V1Pod pod = TestPods.aPod(name).label("app", name).runMs(60_000).build();
    pod.getSpec()
        .getContainers()
        .get(0)
        .env(
            List.of(
                new V1EnvVar().name("JUPYTER_TOKEN").value(token),
                new V1EnvVar().name("NOTEBOOK_ARGS").value(notebookArgs)));
    new CoreV1Api(client).createNamespacedPod(NS, pod).execute();
    service(name);
    ingress(name, path);
    awaitRunning(name);
  }

  private static void awaitRunning(String name) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                "Running"
                    .equals(
                        new CoreV1Api(client)
                            .readNamespacedPod(name, NS)
                            .execute()
                            .getStatus()
                            .getPhase()));
  }

  private static void service(String name) throws ApiException {
    new CoreV1Api(client)
        .createNamespacedService(
            NS,
            new V1Service()
                .metadata(new V1ObjectMeta().name(name))
                .spec(
                    new V1ServiceSpec()
                        .selector(Map.of("app", name))
                        .ports(List.of(new V1ServicePort().port(8888)))))
        .execute();
  }

  private static void ingress(String name, String path) throws ApiException {
    new NetworkingV1Api(client).createNamespacedIngress(NS, ingressBody(name, path)).execute();
  }

  private static V1Ingress ingressBody(String name, String path) {
    V1HTTPIngressPath rulePath =
        new V1HTTPIngressPath()
            .path(path)
            .pathType("Prefix")
            .backend(
                new V1IngressBackend()
                    .service(
                        new V1IngressServiceBackend()
                            .name(name)
                            .port(new V1ServiceBackendPort().number(8888))));
    return new V1Ingress()
        .metadata(new V1ObjectMeta().name(name))
        .spec(
            new V1IngressSpec()
                .rules(
                    List.of(
                        new V1IngressRule()
                            .host("localhost")
                            .http(new V1HTTPIngressRuleValue().paths(List.of(rulePath))))));
  }

  /** A GET through "localhost", the host the test Ingresses name. */
  private static HttpResponse<String> get(String pathAndQuery, String authorization)
      throws IOException, InterruptedException {
    return get(pathAndQuery, authorization, "X-Nothing", "-");
  }

  private static HttpResponse<String> get(
      String pathAndQuery, String authorization, String header, String value)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + cluster.port() + pathAndQuery))
            .header(header, value);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  /** A login form posted through "localhost". */
  private static HttpResponse<String> post(String path, String form)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + cluster.port() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
