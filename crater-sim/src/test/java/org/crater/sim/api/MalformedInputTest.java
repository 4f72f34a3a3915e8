package org.crater.sim.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed requests get a 4xx Status body, never a 500 or a dropped connection. */
class MalformedInputTest {
  private static SimCluster cluster;

  @BeforeAll
  static void start() {
    cluster = SimCluster.start(SimConfig.builder().nodes(1).build());
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @ParameterizedTest(name = "{0} {1} -> {3}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "POST | /api/v1/namespaces/default/pods | {\"metadata\":{\"name\":\"a\"},\"spec\":[]} | 422",
        "POST | /api/v1/namespaces/default/pods | {\"metadata\":{\"name\":\"a\"},\"spec\":{\"containers\":7}} | 422",
        "POST | /api/v1/namespaces/default/pods | {\"metadata\":{\"name\":\"a\"},\"spec\":{\"containers\":[\"x\"]}} | 422",
        "POST | /api/v1/namespaces/default/pods | {\"metadata\":{\"name\":\"a\",\"labels\":{\"k\":1}},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\"}]}} | 422",
        "POST | /api/v1/namespaces/default/pods | {\"metadata\":{\"name\":7},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\"}]}} | 422",
        "POST | /api/v1/namespaces/default/pods | {\"metadata\":{\"name\":\"a\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\",\"resources\":{\"limits\":{\"nvidia.com/gpu\":\"lots\"}}}]}} | 422",
        "POST | /api/v1/namespaces/default/pods | {\"kind\":\"Service\",\"metadata\":{\"name\":\"a\"}} | 400",
        "POST | /api/v1/namespaces/default/pods | [1,2] | 400",
        "POST | /api/v1/namespaces/default/pods | `` | 400",
        "POST | /apis/batch.volcano.sh/v1alpha1/namespaces/default/jobs | {\"metadata\":{\"name\":\"j\"},\"spec\":{\"tasks\":{}}} | 422",
        "POST | /apis/batch.volcano.sh/v1alpha1/namespaces/default/jobs | {\"metadata\":{\"name\":\"j\"},\"spec\":{\"tasks\":[{\"name\":\"t\",\"replicas\":\"two\"}]}} | 422",
        "POST | /api/v1/namespaces/default/pods/nope/binding | {\"target\":{}} | 422",
        "POST | /api/v1/namespaces/default/pods/nope/binding | {\"target\":{\"name\":\"n\"}} | 404",
        "GET | /api/v1/namespaces/default/pods?limit=lots | `` | 400",
        "GET | /api/v1/namespaces/default/pods?continue=bm90LWEtdG9rZW4 | `` | 400",
        "GET | /api/v1/namespaces/default/pods?labelSelector=a%20in%20b | `` | 400",
        "GET | /api/v1/namespaces/default/pods?watch=true&resourceVersion=abc | `` | 400",
        "GET | /api/v1/widgets | `` | 404",
        "GET | /apis/nope.io/v1/things | `` | 404",
        "DELETE | /api/v1/namespaces/default/pods/nope | `` | 404",
        "PATCH | /api/v1/namespaces/default/pods/nope | {} | 404",
        "POST | /api/v1/namespaces/default/pods/nope/log | `` | 405",
        "PUT | /api/v1/nodes/a100-node-0 | {\"metadata\":{\"name\":\"other\"}} | 400"
      })
  void answersWithAClientError(String method, String path, String body, int code) throws Exception {
    RawHttp.Response response = RawHttp.request(method, cluster.url() + path, body);
    assertThat(response.code()).isEqualTo(code);
    assertThat(response.body()).contains("\"kind\":\"Status\"", "\"code\":" + code);
  }
}
