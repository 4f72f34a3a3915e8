package org.crater.web.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crater.web.Api.unique;
import static org.crater.web.compat.V010Shapes.BARE_ERROR;
import static org.crater.web.compat.V010Shapes.ENVELOPE_ERROR;
import static org.crater.web.compat.V010Shapes.QUOTA;
import static org.crater.web.compat.V010Shapes.REFRESHED;
import static org.crater.web.compat.V010Shapes.STATUSES;
import static org.crater.web.compat.V010Shapes.STATUS_COUNT;
import static org.crater.web.compat.V010Shapes.TASK;
import static org.crater.web.compat.V010Shapes.TOKENS;
import static org.crater.web.compat.V010Shapes.USER;
import static org.crater.web.compat.V010Shapes.assertShape;
import static org.crater.web.compat.V010Shapes.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.crater.ejb.auth.TokenCodec;
import org.crater.sim.api.ResourceRegistry;
import org.crater.web.Api;
import org.crater.web.Api.Reply;
import org.crater.web.CraterWar;
import org.crater.web.SimulatedCluster;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Crater v0.1.0 routes over HTTP on the built war, MariaDB and the simulated cluster, called
 * the way the v0.1.0 web frontend calls them, with the golden shapes of {@link V010Shapes}. Jobs
 * are admitted and run by the scheduler meanwhile, so statuses are only checked to be v0.1.0 ones.
 */
@ExtendWith(ArquillianExtension.class)
class CompatIT {

  private static final String PASSWORD = "correct horse 6";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return CraterWar.asBuilt();
  }

  /** A user signed up and logged in through the v0.1.0 routes. */
  record V010User(String username, JsonNode tokens, Api api) {}

  private Api api() {
    return Api.at(base);
  }

  /** Signs up as the v0.1.0 frontend does, then logs in as it does. */
  private V010User signUp(String prefix) {
    String username = unique(prefix);
    Reply signup =
        api().post("signup", Map.of("userName", username, "password", PASSWORD, "role", "user"));
    assertThat(signup.status()).as(signup.raw()).isEqualTo(200);
    return logIn(username, PASSWORD);
  }

  private V010User logIn(String username, String password) {
    Reply login = api().post("login", Map.of("username", username, "password", password));
    assertThat(login.status()).as(login.raw()).isEqualTo(200);
    return new V010User(
        username, login.body(), api().as(login.body().path("accessToken").asText()));
  }

  private Api admin() {
    return logIn("admin", System.getProperty("crater.it.admin.password")).api();
  }

  /** A task as the v0.1.0 frontend's create form sends it. */
  private static Map<String, Object> task(int slo, int gpus) {
    Map<String, Object> task = new HashMap<>();
    task.put("taskName", "train");
    task.put("taskType", "training");
    task.put("slo", slo);
    task.put("image", "pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime");
    task.put("resourceRequest", Map.of("cpu", "4", "memory", "16Gi", "nvidia.com/gpu", gpus));
    task.put("command", "python train.py");
    task.put("workingDir", "/workspace");
    task.put("shareDirs", Map.of());
    return task;
  }

  private static long create(Api api, Map<String, Object> task) {
    Reply created = api.post("v1/aitask/create", task);
    assertThat(created.status()).as(created.raw()).isEqualTo(200);
    return data(created.body()).path("TaskID").asLong();
  }

  private static List<Long> taskIds(Reply list) {
    List<Long> ids = new ArrayList<>();
    data(list.body()).path("Tasks").forEach(task -> ids.add(task.path("id").asLong()));
    return ids;
  }

  private static long counted(Reply stats) {
    long total = 0;
    for (JsonNode count : data(stats.body()).path("taskCount")) {
      assertShape(count, STATUS_COUNT);
      assertThat(STATUSES).contains(count.path("Status").asText());
      total += count.path("Count").asLong();
    }
    return total;
  }

  private static void assertError(Reply reply, int status, int errorCode, boolean enveloped) {
    assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
    assertShape(reply.body(), enveloped ? ENVELOPE_ERROR : BARE_ERROR);
    assertThat(reply.body().path("errorCode").asInt()).as(reply.raw()).isEqualTo(errorCode);
    assertThat(reply.body().path("error").asText()).isNotBlank();
    if (enveloped) {
      assertThat(reply.body().path("status").asBoolean()).isFalse();
    }
  }

  @Test
  void theFrontendsJourney() throws Exception {
    String username = unique("ada");
    Reply signup =
        api().post("signup", Map.of("userName", username, "password", PASSWORD, "role", "user"));
    Reply login = api().post("login", Map.of("username", username, "password", PASSWORD));
    Api ada = api().as(login.body().path("accessToken").asText());
    Reply quota = ada.get("v1/aitask/getQuota");
    long id = create(ada, task(1, 1));
    Reply list = ada.get("v1/aitask/list?status=");
    Reply get = ada.get("v1/aitask/get?taskID=" + id);
    Reply stats = ada.get("v1/aitask/taskStats");
    Reply refreshed =
        api().post("refresh", Map.of("refreshToken", login.body().path("refreshToken").asText()));
    Api again = api().as(refreshed.body().path("accessToken").asText());
    Reply deleted = again.post("v1/aitask/delete", Map.of("taskID", id));

    assertShape(signup.body(), TOKENS);
    assertThat(signup.body().path("role").asText()).isEqualTo("user");
    assertShape(login.body(), TOKENS);
    assertShape(data(quota.body()), QUOTA);
    assertThat(data(quota.body()).path("user").asText()).isEqualTo(username);
    for (String part : List.of("hard", "hardUsed", "softUsed")) {
      for (String resource : List.of("cpu", "memory", "nvidia.com/gpu")) {
        assertThat(data(quota.body()).path(part).path(resource).isTextual())
            .as(part + "." + resource)
            .isTrue();
      }
    }
    assertThat(data(quota.body()).path("hard").path("nvidia.com/gpu").asText()).isEqualTo("1");
    assertThat(taskIds(list)).containsExactly(id);
    JsonNode listed = data(list.body()).path("Tasks").get(0);
    assertShape(listed, TASK);
    assertThat(STATUSES).contains(listed.path("status").asText());
    assertThat(listed.path("userName").asText()).isEqualTo(username);
    assertThat(listed.path("taskType").asText()).isEqualTo("training");
    assertThat(listed.path("slo").asInt()).isEqualTo(1);
    assertThat(listed.path("command").asText()).isEqualTo("python train.py");
    assertThat(listed.path("isDeleted").asBoolean()).isFalse();
    JsonNode resources = Api.JSON.readTree(listed.path("resourceRequest").asText());
    assertThat(resources.path("memory").asText()).isEqualTo("16Gi");
    assertThat(resources.path("nvidia.com/gpu").asText()).isEqualTo("1");
    assertThat(listed.path("profileStat").asText())
        .as("the frontend parses it unless empty")
        .isEmpty();
    assertShape(data(get.body()), TASK);
    assertThat(data(get.body()).path("id").asLong()).isEqualTo(id);
    assertThat(counted(stats)).isEqualTo(1);
    assertShape(refreshed.body(), REFRESHED);
    assertThat(data(deleted.body()).asText()).isEmpty();
    assertThat(data(again.get("v1/aitask/list").body()).path("Tasks"))
        .as("deleted tasks stay in the list, flagged: the frontend filters them itself")
        .singleElement()
        .satisfies(task -> assertThat(task.path("isDeleted").asBoolean()).isTrue());
    JsonNode gone = data(again.get("v1/aitask/get?taskID=" + id).body());
    assertThat(gone.path("isDeleted").asBoolean()).isTrue();
    assertThat(gone.path("status").asText()).isEqualTo("Failed");
    assertThat(counted(again.get("v1/aitask/taskStats"))).isZero();
  }

  /** Waits until the task has this v0.1.0 status and returns it. */
  private static JsonNode awaitStatus(Api api, long id, String status) {
    Awaitility.await("task " + id + " " + status)
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                data(api.get("v1/aitask/get?taskID=" + id).body())
                    .path("status")
                    .asText()
                    .equals(status));
    return data(api.get("v1/aitask/get?taskID=" + id).body());
  }

  private static JsonNode listed(Api api, long id) {
    for (JsonNode task : data(api.get("v1/aitask/list").body()).path("Tasks")) {
      if (task.path("id").asLong() == id) {
        return task;
      }
    }
    throw new AssertionError("task " + id + " is not listed");
  }

  @Test
  void aFinishedTaskIsDeletedAndStaysListedAsDeleted() throws Exception {
    V010User uma = signUp("uma");
    Map<String, Object> quick = task(0, 0);
    quick.put("command", "sleep 1");
    long id = create(uma.api(), quick);
    awaitStatus(uma.api(), id, "Succeeded");

    long countedBefore = counted(uma.api().get("v1/aitask/taskStats"));
    Reply deleted = uma.api().post("v1/aitask/delete", Map.of("taskID", id));
    Reply again = uma.api().post("v1/aitask/delete", Map.of("taskID", id));
    JsonNode inList = listed(uma.api(), id);
    JsonNode got = data(uma.api().get("v1/aitask/get?taskID=" + id).body());
    Reply nativeList = uma.api().get("api/v1/jobs");
    Reply withArchived = uma.api().get("api/v1/jobs?archived=true");
    Reply events = uma.api().get("api/v1/jobs/" + id + "/events");

    assertThat(countedBefore).isEqualTo(1);
    assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
    assertThat(data(deleted.body()).asText()).isEmpty();
    assertThat(again.status()).as("deleting again changes nothing").isEqualTo(200);
    assertShape(inList, TASK);
    assertThat(inList.path("isDeleted").asBoolean()).isTrue();
    assertThat(inList.path("status").asText()).as("it ran to its end").isEqualTo("Succeeded");
    assertThat(got.path("isDeleted").asBoolean()).isTrue();
    JsonNode resources = Api.JSON.readTree(inList.path("resourceRequest").asText());
    assertThat(resources.path("nvidia.com/gpu").asText()).as("the GPU column").isEqualTo("0");
    assertThat(resources.path("cpu").asText()).isEqualTo("4");
    assertThat(counted(uma.api().get("v1/aitask/taskStats"))).as("deleted").isZero();
    assertThat(nativeList.body().path("total").asLong()).as("archived").isZero();
    assertThat(withArchived.body().path("items").get(0).path("id").asLong()).isEqualTo(id);
    assertThat(withArchived.body().path("items").get(0).path("archivedAt").isTextual()).isTrue();
    assertThat(events.body().findValuesAsText("reason"))
        .containsOnlyOnce("Archived")
        .last()
        .isEqualTo("Archived");
    assertThat(uma.api().get("api/v1/jobs/statistics").body().path("SUCCEEDED").asLong())
        .as("the record stays for accounting")
        .isEqualTo(1);
  }

  @Test
  void softUsedIsWhatRunningBestEffortTasksHold() {
    V010User vic = signUp("vic");
    Map<String, Object> guaranteed = task(1, 1);
    guaranteed.put("command", "sleep 60");
    Map<String, Object> bestEffort = task(0, 2); // beyond vic's quota of one GPU
    bestEffort.put("command", "sleep 60");
    long hard = create(vic.api(), guaranteed);
    long soft = create(vic.api(), bestEffort);
    awaitStatus(vic.api(), hard, "Running");
    awaitStatus(vic.api(), soft, "Running");

    JsonNode quota = data(vic.api().get("v1/aitask/getQuota").body());
    JsonNode gpus = nativeGpuUsage(vic.api());
    vic.api().post("v1/aitask/delete", Map.of("taskID", soft));
    JsonNode afterDelete = data(vic.api().get("v1/aitask/getQuota").body());
    vic.api().post("v1/aitask/delete", Map.of("taskID", hard));

    assertShape(quota, QUOTA);
    assertThat(quota.path("hardUsed").path("nvidia.com/gpu").asText()).isEqualTo("1");
    assertThat(quota.path("softUsed").path("nvidia.com/gpu").asText()).isEqualTo("2");
    assertThat(quota.path("softUsed").path("cpu").asText()).isEqualTo("4");
    assertThat(quota.path("softUsed").path("memory").asText()).isEqualTo("16Gi");
    assertThat(gpus.path("used").asText()).isEqualTo("1");
    assertThat(gpus.path("bestEffortUsed").asText()).isEqualTo("2");
    assertThat(gpus.path("accountBestEffortUsed").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(afterDelete.path("softUsed").path("nvidia.com/gpu").asText()).isEqualTo("0");
    assertThat(afterDelete.path("hardUsed").path("nvidia.com/gpu").asText()).isEqualTo("1");
  }

  /** The caller's GPU line of the native quota report in the default account. */
  private static JsonNode nativeGpuUsage(Api api) {
    for (JsonNode account : api.get("api/v1/quota").body()) {
      if (account.path("account").asText().equals("default")) {
        for (JsonNode resource : account.path("resources")) {
          if (resource.path("name").asText().equals("nvidia.com/gpu")) {
            return resource;
          }
        }
      }
    }
    throw new AssertionError("no GPU quota in the default account");
  }

  @Test
  void aReadOnlyDatasetIsMountedReadOnly() {
    V010User wes = signUp("wes");
    Api admin = api().asAdmin();
    String data = unique("coco");
    String home = unique("home");
    for (var d : List.of(List.of(data, "DATASET", true), List.of(home, "SHARE_DIR", false))) {
      Reply created =
          admin.post(
              "api/v1/admin/datasets",
              Map.of(
                  "name", d.get(0),
                  "kind", d.get(1),
                  "pvc", d.get(0) + "-pvc",
                  "readOnly", d.get(2),
                  "visibility", "SHARED",
                  "users", List.of(wes.username())));
      assertThat(created.status()).as(created.raw()).isEqualTo(201);
    }
    Map<String, Object> reading = task(0, 0);
    reading.put(
        "shareDirs",
        Map.of(
            data + "-pvc",
            List.of(Map.of("volume", data + "-pvc", "mountPath", "/data", "subPath", "")),
            home + "-pvc",
            List.of(Map.of("volume", home + "-pvc", "mountPath", "/home/wes", "subPath", "wes"))));

    Reply created = wes.api().post("v1/aitask/create", reading);
    assertThat(created.status()).as(created.raw()).isEqualTo(200);
    long id = data(created.body()).path("TaskID").asLong();
    awaitStatus(wes.api(), id, "Running");
    Map<String, Boolean> readOnly = new HashMap<>();
    JsonObject pod =
        SimulatedCluster.current()
            .store()
            .get(ResourceRegistry.PODS, "crater-jobs", "crater-" + id + "-1");
    pod.getAsJsonObject("spec")
        .getAsJsonArray("containers")
        .get(0)
        .getAsJsonObject()
        .getAsJsonArray("volumeMounts")
        .forEach(
            m -> {
              JsonObject mount = m.getAsJsonObject();
              readOnly.put(
                  mount.get("mountPath").getAsString(),
                  mount.has("readOnly") && mount.get("readOnly").getAsBoolean());
            });
    wes.api().post("v1/aitask/delete", Map.of("taskID", id));

    assertThat(readOnly).containsEntry("/data", true).containsEntry("/home/wes", false);
  }

  @Test
  void theAdministratorsJourney() {
    V010User bea = signUp("bea");
    long id = create(bea.api(), task(0, 1));
    Api admin = admin();

    Reply users = admin.get("v1/admin/listUser");
    Reply quotaSet =
        admin.post(
            "v1/admin/updateQuota",
            Map.of(
                "userName",
                bea.username(),
                "hardQuota",
                Map.of("cpu", "8", "memory", "32Gi", "nvidia.com/gpu", "2")));
    Reply quotas = admin.get("v1/admin/listQuota");
    Reply roleSet =
        admin.post("v1/admin/updateRole", Map.of("userName", bea.username(), "role", "admin"));
    Reply byName = admin.get("v1/admin/getUser?userName=" + bea.username());
    Reply byId =
        admin.get("v1/admin/getUser?userID=" + byName.body().path("data").path("userID").asLong());
    Reply training = admin.get("v1/admin/listByTaskType?taskType=training");
    Reply debugging = admin.get("v1/admin/listByTaskType?taskType=debugging");
    Reply stats = admin.get("v1/admin/taskStats");

    JsonNode listed = null;
    for (JsonNode user : data(users.body()).path("Users")) {
      assertShape(user, USER);
      if (user.path("userName").asText().equals(bea.username())) {
        listed = user;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.path("role").asText()).isEqualTo("user");
    assertThat(listed.path("quotaHard").path("nvidia.com/gpu").asText()).isEqualTo("1");
    assertThat(data(quotaSet.body()).asText()).isEmpty();
    JsonNode beasQuota = null;
    for (JsonNode quota : data(quotas.body()).path("Quotas")) {
      assertShape(quota, QUOTA);
      if (quota.path("user").asText().equals(bea.username())) {
        beasQuota = quota;
      }
    }
    assertThat(beasQuota).isNotNull();
    assertThat(beasQuota.path("hard").path("nvidia.com/gpu").asText()).isEqualTo("2");
    assertThat(beasQuota.path("hard").path("memory").asText()).isEqualTo("32Gi");
    assertThat(data(roleSet.body()).asText()).isEmpty();
    assertShape(data(byName.body()), USER);
    assertThat(data(byName.body()).path("role").asText()).isEqualTo("admin");
    assertThat(data(byId.body()).path("userName").asText()).isEqualTo(bea.username());
    assertThat(taskIds(training)).contains(id);
    assertThat(taskIds(debugging)).doesNotContain(id);
    data(training.body()).path("Tasks").forEach(task -> assertShape(task, TASK));
    assertThat(counted(stats)).isPositive();
    assertThat(bea.api().get("v1/admin/listUser").status())
        .as("the new role counts at once")
        .isEqualTo(200);
  }

  @Test
  void administratorsDeleteUsersButNeverThemselves() {
    V010User cid = signUp("cid");
    Api admin = admin();

    Reply deleted =
        admin.post(
            "v1/admin/deleteUser", Map.of("userName", cid.username(), "deleteResource", true));
    Reply again = admin.get("v1/admin/getUser?userName=" + cid.username());
    Reply self = admin.post("v1/admin/deleteUser", Map.of("userName", "admin"));

    assertThat(data(deleted.body()).asText()).isEmpty();
    assertError(again, 404, 40401, true);
    assertError(self, 422, 42201, true);
  }

  @Test
  void aUserWithTasksOnRecordIsKeptAndTheAnswerSaysWhy() {
    V010User eve = signUp("eve");
    long taskId = create(eve.api(), task(0, 1));
    eve.api().post("v1/aitask/delete", Map.of("taskID", taskId));
    Api admin = admin();

    Reply refused = admin.post("v1/admin/deleteUser", Map.of("userName", eve.username()));

    assertError(refused, 409, 40901, true);
    assertThat(refused.body().path("error").asText()).contains("job(s) on record", "disable");
    assertThat(admin.get("v1/admin/getUser?userName=" + eve.username()).status()).isEqualTo(200);
  }

  @Test
  void aTaskIsAJobAndAJobIsATask() {
    V010User dan = signUp("dan");
    long taskId = create(dan.api(), task(0, 1));
    Map<String, Object> job = new HashMap<>();
    job.put("name", "native");
    job.put("kind", "BATCH");
    job.put("taskType", "INFERENCE");
    job.put("slo", "GUARANTEED");
    job.put("image", "busybox:1.36");
    job.put("command", List.of("sleep", "60"));
    job.put("resources", Map.of("cpu", "1", "memory", "1Gi"));
    long jobId = dan.api().post("api/v1/jobs", job).body().path("id").asLong();

    Reply asJob = dan.api().get("api/v1/jobs/" + taskId);
    JsonNode asTask = data(dan.api().get("v1/aitask/get?taskID=" + jobId).body());

    assertThat(asJob.status()).isEqualTo(200);
    assertThat(asJob.body().path("name").asText()).isEqualTo("train");
    assertThat(asJob.body().path("slo").asText()).isEqualTo("BEST_EFFORT");
    assertThat(asJob.body().path("taskType").asText()).isEqualTo("TRAINING");
    assertThat(asJob.body().path("account").asText()).isEqualTo("default");
    assertThat(asJob.body().path("command").get(2).asText()).isEqualTo("python train.py");
    assertShape(asTask, TASK);
    assertThat(asTask.path("taskName").asText()).isEqualTo("native");
    assertThat(asTask.path("slo").asInt()).isEqualTo(1);
    assertThat(asTask.path("taskType").asText()).isEqualTo("inference");
    assertThat(asTask.path("command").asText()).isEqualTo("sleep 60");
    assertThat(taskIds(dan.api().get("v1/aitask/list"))).containsExactly(jobId, taskId);
  }

  @Test
  void badOrExpiredTokensGet40105SoTheFrontendRefreshes() {
    V010User eve = signUp("eve");
    String expired =
        Api.signedToken(TokenCodec.Type.ACCESS, eve.username(), Instant.now().minusSeconds(60));
    String refreshToken = eve.tokens().path("refreshToken").asText();

    for (String token : List.of("garbage", expired, refreshToken)) {
      assertError(api().as(token).get("v1/aitask/list"), 401, 40105, false);
    }
    assertError(api().get("v1/aitask/list"), 401, 40106, false);
    assertError(
        api().with("X-Debug-Username", eve.username()).get("v1/aitask/list"), 401, 40106, false);
    assertError(api().as("garbage").get("v1/admin/listUser"), 401, 40105, false);
  }

  @Test
  void usersGet40107OnEveryAdminRoute() {
    V010User fay = signUp("fay");
    List<String> reads =
        List.of("listUser", "getUser?userName=admin", "listQuota", "listByTaskType", "taskStats");
    List<String> changes = List.of("updateQuota", "deleteUser", "updateRole");

    for (String route : reads) {
      assertError(fay.api().get("v1/admin/" + route), 401, 40107, false);
    }
    for (String route : changes) {
      assertError(
          fay.api().post("v1/admin/" + route, Map.of("userName", fay.username(), "role", "admin")),
          401,
          40107,
          false);
    }
    assertThat(fay.api().get("v1/aitask/list").status()).as("still a user").isEqualTo(200);
  }

  @Test
  void anotherUsersTaskIsNotFound() {
    V010User gil = signUp("gil");
    V010User hal = signUp("hal");
    long id = create(gil.api(), task(0, 1));

    assertError(hal.api().get("v1/aitask/get?taskID=" + id), 404, 40401, true);
    assertError(hal.api().post("v1/aitask/delete", Map.of("taskID", id)), 404, 40401, true);
    assertError(
        hal.api().post("v1/aitask/updateSLO", Map.of("taskID", id, "slo", 0)), 404, 40401, true);
    assertThat(taskIds(hal.api().get("v1/aitask/list"))).doesNotContain(id);
    assertThat(
            data(gil.api().get("v1/aitask/get?taskID=" + id).body()).path("isDeleted").asBoolean())
        .isFalse();
  }

  @Test
  void signUpNeverMakesAnAdministrator() {
    String username = unique("ivy");

    Reply asAdmin =
        api().post("signup", Map.of("userName", username, "passWord", PASSWORD, "role", "admin"));
    Reply unknownRole =
        api().post("signup", Map.of("userName", username, "passWord", PASSWORD, "role", "root"));
    Reply asUser =
        api().post("signup", Map.of("USERNAME", username, "PASSWORD", PASSWORD, "Role", "user"));
    Reply taken =
        api().post("signup", Map.of("userName", username, "passWord", PASSWORD, "role", "user"));

    assertError(asAdmin, 400, 40005, false);
    assertError(unknownRole, 400, 40005, false);
    assertThat(asUser.status()).as(asUser.raw()).isEqualTo(200);
    assertThat(asUser.body().path("role").asText()).isEqualTo("user");
    assertError(taken, 409, 40901, false);
    assertThat(
            api().as(asUser.body().path("accessToken").asText()).get("v1/admin/listUser").status())
        .isEqualTo(401);
  }

  @Test
  void badRequestsGetV010Codes() {
    V010User jon = signUp("jon");
    Map<String, Object> tooBig = task(1, 4);
    Map<String, Object> badQuantity = task(0, 1);
    badQuantity.put("resourceRequest", Map.of("cpu", "-1"));

    Reply empty = jon.api().post("v1/aitask/create", Map.of("taskName", "x"));
    Reply broken = jon.api().post("v1/aitask/create", "{\"taskName\":");
    Reply negative = jon.api().post("v1/aitask/create", badQuantity);
    Reply overQuota = jon.api().post("v1/aitask/create", tooBig);
    Reply notANumber = jon.api().get("v1/aitask/get?taskID=abc");
    Reply wrongPassword =
        api().post("login", Map.of("userName", jon.username(), "passWord", "nope-nope"));
    Reply noPassword = api().post("login", Map.of("userName", jon.username()));
    Reply badRefresh = api().post("refresh", Map.of("refreshToken", "garbage"));
    Reply noRefresh = api().post("refresh", "");

    assertError(empty, 400, 40001, true);
    assertThat(empty.body().path("error").asText()).contains("image", "command", "resourceRequest");
    assertError(broken, 400, 40001, true);
    assertError(negative, 400, 40001, true);
    assertThat(negative.body().path("error").asText()).contains("resourceRequest.cpu");
    assertError(overQuota, 422, 42201, true);
    assertError(notANumber, 400, 40001, true);
    assertError(wrongPassword, 401, 40101, false);
    assertError(noPassword, 400, 40002, false);
    assertError(badRefresh, 401, 40102, false);
    assertError(noRefresh, 400, 40003, false);
  }

  @Test
  void oversizedAndNullBodiesGetV010ErrorsOnEveryRoute() {
    String oversized = "{\"userName\": \"" + "a".repeat(2 * 1024 * 1024) + "\"}";
    Api user = signUp("bulky").api();
    Api admin = api().asAdmin();
    Map<String, Integer> bare =
        Map.of("login", 40002, "refresh", 40003, "signup", 40004); // their own bad-request codes
    Map<String, Api> enveloped =
        Map.of(
            "v1/aitask/create", user,
            "v1/aitask/delete", user,
            "v1/aitask/updateSLO", user,
            "v1/admin/updateQuota", admin,
            "v1/admin/deleteUser", admin,
            "v1/admin/updateRole", admin);

    bare.forEach(
        (route, badRequest) -> {
          assertError(api().post(route, oversized), 413, 41301, false);
          assertError(api().post(route, "null"), 400, badRequest, false);
        });
    enveloped.forEach(
        (route, caller) -> {
          assertError(caller.post(route, oversized), 413, 41301, true);
          assertError(caller.post(route, "null"), 400, 40001, true);
        });
  }

  @Test
  void aRefreshTokenUsedAgainAfterTheGraceIsRefused() throws InterruptedException {
    V010User kit = signUp("kit");
    String refreshToken = kit.tokens().path("refreshToken").asText();

    Reply first = api().post("refresh", Map.of("refreshToken", refreshToken));
    Thread.sleep(2_500); // past CRATER_AUTH_REFRESH_GRACE of the tests' server (PT2S)
    Reply reused = api().post("refresh", Map.of("refreshToken", refreshToken));

    assertShape(first.body(), REFRESHED);
    assertError(reused, 401, 40102, false);
  }

  @Test
  void theTaskPagesParallelRefreshesKeepTheUserLoggedIn() throws Exception {
    V010User lou = signUp("lou");
    Map<String, String> body = Map.of("refreshToken", lou.tokens().path("refreshToken").asText());

    List<Reply> replies = Api.inParallel(3, () -> api().post("refresh", body));

    assertThat(replies).extracting(Reply::status).containsOnly(200);
    replies.forEach(reply -> assertShape(reply.body(), REFRESHED));
    assertThat(replies)
        .extracting(reply -> reply.body().path("accessToken").asText())
        .hasSize(3)
        .containsOnly(replies.get(0).body().path("accessToken").asText());
    String access = replies.get(0).body().path("accessToken").asText();
    assertThat(api().as(access).get("v1/aitask/list").status()).isEqualTo(200);
  }

  @Test
  void theServiceLevelChangesWhileTheTaskWaits() {
    V010User lea = signUp("lea");
    long id = create(lea.api(), task(0, 2));

    Reply guaranteed = lea.api().post("v1/aitask/updateSLO", Map.of("taskID", id, "slo", 1));
    Reply bestEffort = lea.api().post("v1/aitask/updateSLO", Map.of("taskID", id, "slo", 0));

    // Two GPUs never fit a one-GPU quota; a task the scheduler has admitted meanwhile is not
    // queued.
    assertThat(guaranteed.body().path("errorCode").asInt()).isIn(42201, 40901);
    assertShape(guaranteed.body(), ENVELOPE_ERROR);
    if (bestEffort.status() == 200) {
      assertThat(data(bestEffort.body()).asText()).isEmpty();
    } else {
      assertError(bestEffort, 409, 40901, true);
    }
    assertThat(data(lea.api().get("v1/aitask/get?taskID=" + id).body()).path("slo").asInt())
        .isZero();
  }

  @Test
  void shareDirsAndDatasetsAreTheOnesTheUserMayMount() {
    V010User max = signUp("max");
    V010User other = signUp("other");
    Api admin = api().asAdmin();
    String dir = unique("home");
    String data = unique("imagenet");
    for (var d : List.of(Map.entry(dir, "SHARE_DIR"), Map.entry(data, "DATASET"))) {
      Reply created =
          admin.post(
              "api/v1/admin/datasets",
              Map.of(
                  "name", d.getKey(),
                  "kind", d.getValue(),
                  "pvc", d.getKey() + "-pvc",
                  "visibility", "SHARED",
                  "users", List.of(max.username())));
      assertThat(created.status()).as(created.raw()).isEqualTo(201);
    }

    Reply shareDirs = max.api().get("v1/sharedir/list");
    Reply datasets = max.api().get("v1/dataset/list");
    Reply dataset = max.api().get("v1/dataset/info?name=" + data);

    assertThat(data(shareDirs.body()).isArray()).isTrue();
    assertThat(data(shareDirs.body()).toString()).contains("\"" + dir + "-pvc\"");
    // Other tests share the database and may add datasets visible to everyone.
    assertThat(data(datasets.body()).findValuesAsText("name")).contains(data).doesNotContain(dir);
    assertThat(data(dataset.body()).path("spec").path("pvc").asText()).isEqualTo(data + "-pvc");
    assertThat(data(dataset.body()).path("status").path("phase").asText()).isEqualTo("Ready");
    assertThat(data(other.api().get("v1/sharedir/list").body()).toString()).doesNotContain(dir);
    assertThat(data(other.api().get("v1/dataset/list").body()).findValuesAsText("name"))
        .doesNotContain(data);
    assertError(other.api().get("v1/dataset/info?name=" + data), 404, 40401, true);
  }

  @Test
  void recommendationJobsAreNotOffered() {
    V010User ned = signUp("ned");

    for (String route : List.of("list", "info?name=x", "pods?name=x")) {
      assertError(ned.api().get("v1/recommenddljob/" + route), 501, 50101, true);
    }
    for (String route : List.of("create", "delete", "analyze")) {
      Reply reply = ned.api().post("v1/recommenddljob/" + route, Map.of("name", "x"));
      assertError(reply, 501, 50101, true);
      assertThat(reply.body().path("error").asText()).contains("/v1/aitask/create");
    }
  }

  @Test
  void healthAnswersWithoutAToken() {
    Reply health = api().get("v1/healthz");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body().toString()).isEqualTo("{\"message\":\"ok\"}");
    assertThat(api().get("v1/aitask/nope").status()).isEqualTo(404);
  }
}
