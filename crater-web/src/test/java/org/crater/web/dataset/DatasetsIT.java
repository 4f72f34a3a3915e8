package org.crater.web.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crater.web.Api.unique;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.crater.web.Api;
import org.crater.web.Api.Reply;
import org.crater.web.CraterWar;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Datasets over HTTP on the built war and MariaDB: administrators share them, users see and mount
 * only theirs.
 */
@ExtendWith(ArquillianExtension.class)
class DatasetsIT {

  private static final String PASSWORD = "correct horse dataset";

  @ArquillianResource private URL base;

  private Api admin;
  private String alice;
  private String bob;
  private String lab;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return CraterWar.asBuilt();
  }

  /** Alice is a member of a fresh account; Bob is not. */
  @BeforeEach
  void aliceInALabAndBob() {
    admin = Api.at(base).asAdmin();
    alice = signUp("alice");
    bob = signUp("bob");
    lab = unique("lab");
    assertThat(
            admin.post("api/v1/admin/accounts", Map.of("name", lab, "displayName", "Lab")).status())
        .isEqualTo(201);
    assertThat(
            admin
                .put("api/v1/admin/accounts/" + lab + "/members/" + alice, Map.of("role", "MEMBER"))
                .status())
        .isEqualTo(200);
  }

  private String signUp(String prefix) {
    return Api.at(base).signUp(prefix, PASSWORD);
  }

  private Api as(String username) {
    return Api.at(base).logIn(username, PASSWORD);
  }

  private static Map<String, Object> dataset(
      String name, String pvc, String visibility, List<String> accounts, List<String> users) {
    Map<String, Object> dataset = new HashMap<>();
    dataset.put("name", name);
    dataset.put("description", "Data for " + name);
    dataset.put("kind", "DATASET");
    dataset.put("pvc", pvc);
    dataset.put("subPath", "datasets/" + name);
    dataset.put("visibility", visibility);
    dataset.put("accounts", accounts);
    dataset.put("users", users);
    return dataset;
  }

  private String create(
      String prefix, String visibility, List<String> accounts, List<String> users) {
    String name = unique(prefix);
    Reply created =
        admin.post(
            "api/v1/admin/datasets", dataset(name, "shared-data", visibility, accounts, users));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    return name;
  }

  private static JsonNode one(Reply reply, String name) {
    for (JsonNode dataset : reply.body()) {
      if (dataset.path("name").asText().equals(name)) {
        return dataset;
      }
    }
    throw new AssertionError(name + " not in " + reply.raw());
  }

  private static List<String> names(Reply reply) {
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    return reply.body().findValuesAsText("name");
  }

  @Test
  void usersSeeDatasetsForEveryoneSharedWithThemOrWithTheirAccounts() {
    String everyone = create("public", "EVERYONE", List.of(), List.of());
    String toAlice = create("alices", "SHARED", List.of(), List.of(alice));
    String toLab = create("labs", "SHARED", List.of(lab), List.of());
    String toNobody = create("hidden", "SHARED", List.of(), List.of());

    Reply seenByAlice = as(alice).get("api/v1/datasets");
    Reply seenByBob = as(bob).get("api/v1/datasets");
    Reply detail = admin.get("api/v1/admin/datasets/" + toLab);

    assertThat(names(seenByAlice)).contains(everyone, toAlice, toLab).doesNotContain(toNobody);
    assertThat(names(seenByBob)).contains(everyone).doesNotContain(toAlice, toLab, toNobody);
    assertThat(names(seenByAlice)).as("by name").isSorted();
    JsonNode shared = one(seenByAlice, toAlice);
    assertThat(shared.path("pvc").asText()).isEqualTo("shared-data");
    assertThat(shared.path("subPath").asText()).isEqualTo("datasets/" + toAlice);
    assertThat(shared.path("readOnly").asBoolean()).as("read-only when absent").isTrue();
    assertThat(shared.path("kind").asText()).isEqualTo("DATASET");
    assertThat(shared.has("users")).as("who else may mount it is not shown").isFalse();
    assertThat(detail.body().path("visibility").asText()).isEqualTo("SHARED");
    assertThat(detail.body().path("accounts").get(0).asText()).isEqualTo(lab);
    assertThat(names(admin.get("api/v1/admin/datasets"))).contains(everyone, toNobody);
  }

  @Test
  void onlyAdministratorsManageDatasets() {
    String name = create("managed", "EVERYONE", List.of(), List.of());
    Api user = as(alice);
    Map<String, Object> body = dataset(unique("mine"), "shared-data", "EVERYONE", null, null);

    assertThat(user.get("api/v1/admin/datasets").status()).isEqualTo(403);
    assertThat(user.post("api/v1/admin/datasets", body).status()).isEqualTo(403);
    assertThat(user.get("api/v1/admin/datasets/" + name).status()).isEqualTo(403);
    assertThat(user.put("api/v1/admin/datasets/" + name, body).status()).isEqualTo(403);
    assertThat(user.delete("api/v1/admin/datasets/" + name).status()).isEqualTo(403);
    assertThat(Api.at(base).get("api/v1/datasets").status()).isEqualTo(401);
  }

  @Test
  void refusesDuplicateNamesBadFieldsAndUnknownAccountsOrUsers() {
    String name = create("taken", "EVERYONE", List.of(), List.of());

    Reply duplicate =
        admin.post(
            "api/v1/admin/datasets", dataset(name, "other-data", "EVERYONE", List.of(), List.of()));
    Reply badName =
        admin.post(
            "api/v1/admin/datasets",
            dataset("Not_A_Name", "shared-data", "EVERYONE", List.of(), List.of()));
    Map<String, Object> climbing = dataset(unique("up"), "shared-data", "SHARED", null, null);
    climbing.put("subPath", "datasets/../secrets");
    Reply badSubPath = admin.post("api/v1/admin/datasets", climbing);
    Reply unknown =
        admin.post(
            "api/v1/admin/datasets",
            dataset(
                unique("ghosts"),
                "shared-data",
                "SHARED",
                List.of(unique("no-account")),
                List.of(alice, unique("no-user"))));
    Reply everyoneAndSome =
        admin.post(
            "api/v1/admin/datasets",
            dataset(unique("both"), "shared-data", "EVERYONE", List.of(lab), List.of()));

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.code()).isEqualTo("dataset-exists");
    assertThat(badName.status()).isEqualTo(400);
    assertThat(badName.body().path("errors").findValuesAsText("field")).containsExactly("name");
    assertThat(badSubPath.status()).isEqualTo(400);
    assertThat(badSubPath.body().path("errors").findValuesAsText("field"))
        .containsExactly("subPath");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.code()).isEqualTo("invalid-dataset");
    assertThat(unknown.body().path("errors").findValuesAsText("field"))
        .containsExactly("accounts[0]", "users[1]");
    assertThat(everyoneAndSome.body().path("errors").findValuesAsText("field"))
        .containsExactly("visibility");
    assertThat(admin.get("api/v1/admin/datasets/" + unique("ghost")).code())
        .isEqualTo("dataset-not-found");
  }

  @Test
  void updatesWhoMayMountADatasetAndDeletesIt() {
    String name = create("moving", "SHARED", List.of(), List.of(alice));
    Map<String, Object> update = dataset(name, "other-data", "EVERYONE", List.of(), List.of());
    update.remove("name");
    update.put("readOnly", false);
    update.put("kind", "SHARE_DIR");

    Reply updated = admin.put("api/v1/admin/datasets/" + name, update);
    List<String> seenByBob = names(as(bob).get("api/v1/datasets"));
    Reply deleted = admin.delete("api/v1/admin/datasets/" + name);

    assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
    assertThat(updated.body().path("visibility").asText()).isEqualTo("EVERYONE");
    assertThat(updated.body().path("users")).isEmpty();
    assertThat(updated.body().path("pvc").asText()).isEqualTo("other-data");
    assertThat(updated.body().path("kind").asText()).isEqualTo("SHARE_DIR");
    assertThat(updated.body().path("readOnly").asBoolean()).isFalse();
    assertThat(seenByBob).contains(name);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(admin.get("api/v1/admin/datasets/" + name).status()).isEqualTo(404);
    assertThat(names(as(bob).get("api/v1/datasets"))).doesNotContain(name);
    assertThat(admin.put("api/v1/admin/datasets/" + name, update).status()).isEqualTo(404);
  }

  @Test
  void deletingAnAccountTakesAwayWhatWasSharedThroughIt() {
    String name = create("through-lab", "SHARED", List.of(lab), List.of());

    assertThat(admin.delete("api/v1/admin/accounts/" + lab).status()).isEqualTo(204);

    assertThat(admin.get("api/v1/admin/datasets/" + name).body().path("accounts")).isEmpty();
    assertThat(names(as(alice).get("api/v1/datasets"))).doesNotContain(name);
  }

  @Test
  void jobsMountOnlyDatasetsTheUserMayUseAndReadOnlyOnesReadOnly() {
    String hers = create("hers", "SHARED", List.of(lab), List.of());
    String his = create("his", "SHARED", List.of(), List.of(bob));
    Api user = as(alice);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> user.get("api/v1/nodes").status() == 200);

    Reply notHers = user.post("api/v1/jobs", job(mount("datasets/" + his, true)));
    Reply writing = user.post("api/v1/jobs", job(mount("datasets/" + hers, false)));
    Reply wholeClaim = user.post("api/v1/jobs", job(mount("", true)));
    Reply reading = user.post("api/v1/jobs", job(mount("datasets/" + hers + "/train", true)));

    assertThat(notHers.status()).as(notHers.raw()).isEqualTo(400);
    assertThat(notHers.body().path("errors").findValuesAsText("field"))
        .containsExactly("mounts[0]");
    assertThat(writing.status()).isEqualTo(400);
    assertThat(writing.body().path("errors").get(0).path("field").asText()).isEqualTo("mounts[0]");
    assertThat(writing.body().path("errors").get(0).path("message").asText())
        .contains(hers, "read-only");
    assertThat(wholeClaim.status()).isEqualTo(400);
    assertThat(reading.status()).as(reading.raw()).isEqualTo(201);
  }

  private static Map<String, Object> mount(String subPath, boolean readOnly) {
    return Map.of(
        "pvc", "shared-data", "subPath", subPath, "mountPath", "/data", "readOnly", readOnly);
  }

  private static Map<String, Object> job(Map<String, Object> mount) {
    Map<String, Object> job = new HashMap<>();
    job.put("name", "read-data");
    job.put("kind", "BATCH");
    job.put("taskType", "TRAINING");
    job.put("slo", "BEST_EFFORT");
    job.put("image", "pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime");
    job.put("command", List.of("python", "train.py"));
    job.put("resources", Map.of("cpu", "1", "memory", "1Gi"));
    job.put("mounts", List.of(mount));
    return job;
  }
}
