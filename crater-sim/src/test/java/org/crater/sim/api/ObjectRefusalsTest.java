package org.crater.sim.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Objects a real cluster refuses at create are refused with its words: volume mounts that are not
 * absolute, not distinct, or whose sub-path climbs out (in pods and in Volcano task templates), and
 * whatever an admission webhook denies.
 */
class ObjectRefusalsTest {

  private static final String PODS = "/api/v1/namespaces/default/pods";
  private static final String VC_JOBS = "/apis/batch.volcano.sh/v1alpha1/namespaces/default/jobs";
  private static SimCluster cluster;

  @BeforeAll
  static void start() {
    cluster = SimCluster.start(SimConfig.builder().nodes(1).build());
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @AfterEach
  void allowAll() {
    cluster.allowAllCreates();
  }

  private static String pod(String name, String mounts) {
    return "{\"metadata\":{\"name\":\""
        + name
        + "\"},\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"busybox\","
        + "\"volumeMounts\":["
        + mounts
        + "]}]}}";
  }

  private static String mount(String mountPath, String subPath) {
    return "{\"name\":\"v\",\"mountPath\":\"" + mountPath + "\",\"subPath\":\"" + subPath + "\"}";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a relative mount path        | data  |       |       | must be an absolute path",
        "two mounts at one path       | /data |       | /data | must be unique",
        "a sub-path climbing out      | /data | ../x  |       | must be a relative path",
        "an absolute sub-path         | /data | /etc  |       | must be a relative path"
      })
  void refusesMountsARealServerRefuses(
      String name, String path, String subPath, String second, String reason) throws Exception {
    String mounts =
        mount(path, subPath == null ? "" : subPath)
            + (second == null ? "" : "," + mount(second, ""));

    RawHttp.Response response = RawHttp.post(cluster.url() + PODS, pod("m", mounts));

    assertThat(response.code()).isEqualTo(422);
    assertThat(response.body()).contains("Pod \\\"m\\\" is invalid", "volumeMounts", reason);
  }

  @Test
  void refusesAnOverheadWithoutRuntimeClassEvenAnEmptyOneAsRuntimeClassAdmissionDoes()
      throws Exception {
    String empty =
        "{\"metadata\":{\"name\":\"o\"},\"spec\":{\"overhead\":{},"
            + "\"containers\":[{\"name\":\"main\",\"image\":\"busybox\"}]}}";

    RawHttp.Response refused = RawHttp.post(cluster.url() + PODS, empty);
    RawHttp.Response created =
        RawHttp.post(cluster.url() + PODS, empty.replace("\"overhead\":{},", ""));

    assertThat(refused.code()).isEqualTo(403);
    assertThat(refused.body())
        .contains("pod rejected: Pod Overhead set without corresponding RuntimeClass");
    assertThat(created.code()).isEqualTo(201);
  }

  @Test
  void refusesTheSameMountsInAVolcanoTaskTemplate() throws Exception {
    String job =
        "{\"metadata\":{\"name\":\"j\"},\"spec\":{\"tasks\":[{\"name\":\"t\",\"replicas\":1,"
            + "\"template\":{\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"busybox\","
            + "\"volumeMounts\":["
            + mount("data", "")
            + "]}]}}}]}}";

    RawHttp.Response response = RawHttp.post(cluster.url() + VC_JOBS, job);

    assertThat(response.code()).isEqualTo(422);
    assertThat(response.body()).contains("spec.tasks[0].template.spec.containers[0]");
  }

  @Test
  void takesDistinctAbsoluteMounts() throws Exception {
    String mounts = mount("/data", "train") + "," + mount("/home/alice", "");

    assertThat(RawHttp.post(cluster.url() + PODS, pod("ok", mounts)).code()).isEqualTo(201);
  }

  @Test
  void anAdmissionWebhookDeniesWhatItMatchesAndNothingElse() throws Exception {
    cluster.denyCreates(
        "images.policy.example",
        body -> body.toString().contains("forbidden/image"),
        "images must come from registry.example");
    String denied = pod("denied", "").replace("busybox", "forbidden/image");

    RawHttp.Response refused = RawHttp.post(cluster.url() + PODS, denied);
    RawHttp.Response other = RawHttp.post(cluster.url() + PODS, pod("other", ""));
    cluster.allowAllCreates();
    RawHttp.Response later = RawHttp.post(cluster.url() + PODS, denied);

    assertThat(refused.code()).isEqualTo(400);
    assertThat(refused.body())
        .contains(
            "admission webhook \\\"images.policy.example\\\" denied the request: images must come"
                + " from registry.example");
    assertThat(other.code()).isEqualTo(201);
    assertThat(later.code()).isEqualTo(201);
  }
}
