package org.crater.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crater.sim.SimCluster;
import org.crater.sim.SimConfig;
import org.crater.sim.actor.NodePool;
import org.crater.web.Api;
import org.crater.web.Api.Reply;
import org.crater.web.CraterProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Fuzzes every operation of the served OpenAPI document, native and v0.1.0, with Schemathesis
 * ({@link Schemathesis}): the examples, the coverage cases (every boundary and wrong type the
 * schemas allow, missing and unexpected parameters, other methods) and generated requests, as a
 * user and then as an administrator. The rules are in {@code src/test/fuzz/crater_checks.py}: no
 * 5xx, every error a problem document with a code (v0.1.0 routes: the v0.1.0 error shape), no Java
 * internals, stack traces or SQL in any body. Runs its own Payara Micro on a database of its own
 * ({@code <it db>_fuzz}) and its own simulated cluster, since an administrator's fuzzed requests
 * change accounts, users and quotas. Reports: {@code target/fuzz-*.log} and {@code
 * target/fuzz-*}/junit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzIT {

  private static final String PASSWORD = "correct horse 7";
  private static final long MINUTES_PER_RUN = 6;
  private static final Pattern TESTS = Pattern.compile("<testsuites [^>]*tests=\"(\\d+)\"");

  private SimCluster sim;
  private CraterProcess backend;
  private Schemathesis fuzzer;

  @BeforeAll
  void start() throws IOException, InterruptedException {
    fuzzer = Schemathesis.installed();
    sim =
        SimCluster.start(
            SimConfig.builder()
                .port(CraterProcess.freePort())
                .nodePool(NodePool.parse("2:A100:8", "64", "512Gi"))
                .namespace("crater-jobs")
                .build());
    backend =
        CraterProcess.start(
            "fuzz",
            Map.of(
                "CRATER_DB_URL", System.getProperty("crater.it.fuzz.db.url"),
                "CRATER_K8S_URL", sim.url(),
                // bcrypt at its lowest cost: the fuzzer logs in and signs up a lot
                "CRATER_AUTH_BCRYPT_COST", "4"));
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (backend != null) {
      backend.close();
    }
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void noOperationBreaksARuleWhenFuzzedByAUserThenByAnAdministrator() throws Exception {
    Api anonymous = Api.at(backend.base());
    String username = Api.unique("fuzz");
    Reply signup =
        anonymous.post("api/v1/auth/signup", Map.of("username", username, "password", PASSWORD));
    assertThat(signup.status()).as(signup.raw()).isEqualTo(201);

    List<String> broken = new ArrayList<>();
    broken.addAll(fuzz("user", token(anonymous, username, PASSWORD)));
    broken.addAll(fuzz("admin", token(anonymous, "admin", admin())));

    assertThat(broken).isEmpty();
  }

  /** One run of the fuzzer as the bearer of {@code token}; what went wrong, if anything. */
  private List<String> fuzz(String who, String token) throws IOException, InterruptedException {
    Path target = Path.of(System.getProperty("crater.war")).getParent();
    Path log = target.resolve("fuzz-" + who + ".log");
    Path reports = target.resolve("fuzz-" + who);
    Path rules = Path.of(System.getProperty("crater.it.fuzz.dir"));
    String origin = "http://127.0.0.1:" + backend.port();
    int exit =
        fuzzer.run(
            List.of(
                "--no-color",
                "--config-file",
                rules.resolve("schemathesis.toml").toString(),
                "run",
                origin + "/openapi",
                "--url",
                origin + "/crater",
                "--header",
                "Authorization: Bearer " + token,
                "--checks",
                "crater_no_server_error,crater_error_shape,crater_no_internals",
                "--phases",
                "examples,coverage,fuzzing",
                "--max-examples",
                System.getProperty("crater.fuzz.examples", "30"),
                "--seed",
                System.getProperty("crater.fuzz.seed", "20261204"),
                "--workers",
                "2",
                "--wait-for-schema",
                "120",
                "--request-timeout",
                "30",
                "--max-failures",
                "50",
                "--report",
                "junit",
                "--report-dir",
                reports.toString()),
            Map.of("SCHEMATHESIS_HOOKS", "crater_checks", "PYTHONPATH", rules.toString()),
            target,
            log,
            MINUTES_PER_RUN);
    String output = Files.readString(log);
    System.out.println("fuzzing as " + who + ": " + summary(output));
    List<String> broken = new ArrayList<>();
    if (exit != 0) {
      broken.add(who + ": Schemathesis exited " + exit + "; see " + log + "\n" + tail(output));
    }
    int operations = operationsTested(reports);
    if (operations < 60) {
      broken.add(who + ": only " + operations + " operations were fuzzed; see " + log);
    }
    return broken;
  }

  private static int operationsTested(Path reports) throws IOException {
    if (!Files.isDirectory(reports)) {
      return 0;
    }
    try (var files = Files.list(reports)) {
      for (Path report : files.filter(p -> p.toString().endsWith(".xml")).toList()) {
        Matcher tests = TESTS.matcher(Files.readString(report));
        if (tests.find()) {
          return Integer.parseInt(tests.group(1));
        }
      }
    }
    return 0;
  }

  private static String summary(String output) {
    int at = output.lastIndexOf("Test cases:");
    return at < 0 ? "(no summary)" : output.substring(at).strip().replaceAll("\\s+", " ");
  }

  private static String tail(String output) {
    return output.length() <= 6000 ? output : output.substring(output.length() - 6000);
  }

  private static String admin() {
    return System.getProperty("crater.it.admin.password");
  }

  private static String token(Api api, String username, String password) {
    Reply login = api.post("api/v1/auth/login", Map.of("username", username, "password", password));
    assertThat(login.status()).as(login.raw()).isEqualTo(200);
    return login.body().path("accessToken").asText();
  }
}
