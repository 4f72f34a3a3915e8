package org.crater.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crater.web.Api.unique;

import java.net.URL;
import java.util.List;
import java.util.Map;
import org.crater.web.Api;
import org.crater.web.Api.Reply;
import org.crater.web.CraterWar;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Administration of users and accounts over HTTP on the built war and MariaDB. */
@ExtendWith(ArquillianExtension.class)
class AdminIT {

  private static final String PASSWORD = "correct horse battery";

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return CraterWar.asBuilt();
  }

  private Api admin() {
    return Api.at(base).asAdmin();
  }

  private Api logIn(String username, String password) {
    return Api.at(base).logIn(username, password);
  }

  private String signUp(String prefix) {
    return Api.at(base).signUp(prefix, PASSWORD);
  }

  /** A fresh account without a quota, named from {@code prefix}; returns its name. */
  private static String account(Api admin, String prefix) {
    String name = unique(prefix);
    Reply created = admin.post("api/v1/admin/accounts", Map.of("name", name, "displayName", name));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    return name;
  }

  @Test
  void listsUsersWithPagingAndFilters() {
    String prefix = unique("team");
    for (int i = 0; i < 3; i++) {
      signUp(prefix + "-u" + i);
    }

    Reply first = admin().get("api/v1/admin/users?q=" + prefix + "&role=USER&page=0&size=2");
    Reply second = admin().get("api/v1/admin/users?q=" + prefix + "&role=USER&page=1&size=2");
    Reply admins = admin().get("api/v1/admin/users?q=" + prefix + "&role=ADMIN");
    Reply badSize = admin().get("api/v1/admin/users?size=100000");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body().path("total").asLong()).isEqualTo(3);
    assertThat(first.body().path("items")).hasSize(2);
    assertThat(second.body().path("items")).hasSize(1);
    assertThat(admins.body().path("total").asLong()).isZero();
    assertThat(badSize.status()).isEqualTo(400);
    assertThat(badSize.code()).isEqualTo("validation-failed");
  }

  @Test
  void showsAUserWithTheirAccounts() {
    String username = signUp("olivia");

    Reply detail = admin().get("api/v1/admin/users/" + username);
    Reply missing = admin().get("api/v1/admin/users/" + unique("ghost"));

    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.body().path("user").path("username").asText()).isEqualTo(username);
    assertThat(detail.body().path("accounts").findValuesAsText("name")).contains("default");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.code()).isEqualTo("user-not-found");
  }

  @Test
  void promotesAUserWhoThenMayAdminister() {
    String username = signUp("peggy");

    Reply promote =
        admin().put("api/v1/admin/users/" + username + "/role", Map.of("role", "ADMIN"));
    Reply asNewAdmin = logIn(username, PASSWORD).get("api/v1/admin/users");
    Reply unknownRole =
        admin().put("api/v1/admin/users/" + username + "/role", Map.of("role", "ROOT"));

    assertThat(promote.status()).isEqualTo(200);
    assertThat(promote.body().path("role").asText()).isEqualTo("ADMIN");
    assertThat(asNewAdmin.status()).isEqualTo(200);
    assertThat(unknownRole.status()).isEqualTo(400);
    assertThat(unknownRole.body().path("errors").get(0).path("field").asText()).isEqualTo("role");
  }

  @Test
  void anAdministratorCannotChangeOrDeleteThemselves() {
    Api admin = admin();

    assertThat(admin.put("api/v1/admin/users/admin/role", Map.of("role", "USER")).code())
        .isEqualTo("self-change");
    assertThat(admin.put("api/v1/admin/users/admin/status", Map.of("status", "DISABLED")).status())
        .isEqualTo(422);
    assertThat(admin.delete("api/v1/admin/users/admin").status()).isEqualTo(422);
  }

  @Test
  void deletesAUserWhoThenCannotLogIn() {
    String username = signUp("trent");

    Reply delete = admin().delete("api/v1/admin/users/" + username);
    Reply login =
        Api.at(base).post("api/v1/auth/login", Map.of("username", username, "password", PASSWORD));

    assertThat(delete.status()).isEqualTo(204);
    assertThat(login.status()).isEqualTo(401);
    assertThat(admin().delete("api/v1/admin/users/" + username).status()).isEqualTo(404);
  }

  @Test
  void createsReadsUpdatesAndDeletesAccounts() {
    String name = unique("vision");
    Api admin = admin();

    Reply created =
        admin.post(
            "api/v1/admin/accounts",
            Map.of(
                "name",
                name,
                "displayName",
                "Vision Lab",
                "quota",
                Map.of("cpu", "64", "memory", "256Gi", "nvidia.com/gpu", "8")));
    Reply duplicate =
        admin.post("api/v1/admin/accounts", Map.of("name", name, "displayName", "Again"));
    Reply updated =
        admin.put(
            "api/v1/admin/accounts/" + name,
            Map.of(
                "displayName", "Vision", "quota", Map.of("cpu", "1500m", "nvidia.com/a100", "4")));
    Reply listed = admin.get("api/v1/admin/accounts");
    Reply deleted = admin.delete("api/v1/admin/accounts/" + name);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).endsWith("/api/v1/admin/accounts/" + name);
    assertThat(created.body().path("quota").path("memory").asText()).isEqualTo("256Gi");
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(updated.body().path("quota").path("cpu").asText()).isEqualTo("1500m");
    assertThat(updated.body().path("quota").path("nvidia.com/a100").asText()).isEqualTo("4");
    assertThat(updated.body().path("quota").has("memory")).isFalse();
    assertThat(listed.body().findValuesAsText("name")).contains(name, "default");
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(admin.get("api/v1/admin/accounts/" + name).status()).isEqualTo(404);
    assertThat(admin.delete("api/v1/admin/accounts/default").code()).isEqualTo("default-account");
  }

  @Test
  void refusesQuantitiesNoClusterCouldHold() {
    Reply reply =
        admin()
            .post(
                "api/v1/admin/accounts",
                Map.of(
                    "name", unique("bad"),
                    "displayName", "Bad",
                    "quota",
                        Map.of(
                            "nvidia.com/gpu", "1.5",
                            "cpu", "-1",
                            "memory", "lots",
                            "bad name!", "1",
                            "nvidia.com/a100", "1000000000")));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("invalid-resources");
    assertThat(reply.body().path("errors").findValuesAsText("field"))
        .containsExactly(
            "quota.bad name!",
            "quota.cpu",
            "quota.memory",
            "quota.nvidia.com/a100",
            "quota.nvidia.com/gpu");
  }

  @Test
  void managesMembersAndTheirQuotas() {
    String username = signUp("walter");
    Api admin = admin();
    String name = account(admin, "nlp");

    Reply added =
        admin.put(
            "api/v1/admin/accounts/" + name + "/members/" + username,
            Map.of("role", "MEMBER", "quota", Map.of("nvidia.com/gpu", "2", "memory", "64Gi")));
    Reply changed =
        admin.put(
            "api/v1/admin/accounts/" + name + "/members/" + username,
            Map.of("role", "MANAGER", "quota", Map.of("nvidia.com/gpu", "3")));
    Reply members = admin.get("api/v1/admin/accounts/" + name + "/members");
    Reply seenByMember = logIn(username, PASSWORD).get("api/v1/accounts/" + name);
    Reply removed = admin.delete("api/v1/admin/accounts/" + name + "/members/" + username);
    Reply unknownUser =
        admin.put(
            "api/v1/admin/accounts/" + name + "/members/" + unique("nobody"),
            Map.of("role", "MEMBER"));

    assertThat(added.status()).isEqualTo(200);
    assertThat(added.body().path("quota").path("memory").asText()).isEqualTo("64Gi");
    assertThat(changed.body().path("role").asText()).isEqualTo("MANAGER");
    assertThat(members.body()).hasSize(1);
    assertThat(members.body().get(0).path("quota").path("nvidia.com/gpu").asText()).isEqualTo("3");
    assertThat(seenByMember.body().path("role").asText()).isEqualTo("MANAGER");
    assertThat(removed.status()).isEqualTo(204);
    assertThat(logIn(username, PASSWORD).get("api/v1/accounts/" + name).status()).isEqualTo(404);
    assertThat(unknownUser.status()).isEqualTo(404);
  }

  /** A small CPU job, cancelled at once: a record that names its owner and account. */
  private static void jobOnRecord(Api user, String account) {
    Reply submitted =
        user.post(
            "api/v1/jobs",
            Map.of(
                "name", "probe",
                "account", account,
                "kind", "BATCH",
                "taskType", "EXPERIMENT",
                "slo", "BEST_EFFORT",
                "image", "busybox",
                "command", List.of("sh", "-c", "sleep 1"),
                "resources", Map.of("cpu", "1", "memory", "1Gi")));
    assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
    user.delete("api/v1/jobs/" + submitted.body().path("id").asLong());
  }

  @Test
  void aUserOrAnAccountWithJobsOnRecordIsKeptAndTheAnswerSaysWhy() {
    String username = signUp("ursula");
    Api admin = admin();
    String name = account(admin, "ml");
    admin.put("api/v1/admin/accounts/" + name + "/members/" + username, Map.of("role", "MEMBER"));
    jobOnRecord(logIn(username, PASSWORD), name);

    Reply user = admin.delete("api/v1/admin/users/" + username);
    Reply account = admin.delete("api/v1/admin/accounts/" + name);
    Reply disabled =
        admin.put("api/v1/admin/users/" + username + "/status", Map.of("status", "DISABLED"));

    assertThat(user.status()).as(user.raw()).isEqualTo(409);
    assertThat(user.header("Content-Type")).startsWith("application/problem+json");
    assertThat(user.code()).isEqualTo("user-has-jobs");
    assertThat(user.body().path("detail").asText()).contains("1 job(s)", "disable");
    assertThat(account.status()).as(account.raw()).isEqualTo(409);
    assertThat(account.code()).isEqualTo("account-has-jobs");
    assertThat(account.body().path("detail").asText()).contains("expiry");
    assertThat(admin.get("api/v1/admin/users/" + username).status()).isEqualTo(200);
    assertThat(admin.get("api/v1/admin/accounts/" + name).status()).isEqualTo(200);
    assertThat(disabled.status()).isEqualTo(200);
    assertThat(
            Api.at(base)
                .post("api/v1/auth/login", Map.of("username", username, "password", PASSWORD))
                .status())
        .isEqualTo(403);
  }

  @Test
  void concurrentDuplicateCreatesAnswer409NeverA500() throws Exception {
    String username = unique("twin");
    String name = unique("race");
    String member = signUp("member");
    Api admin = admin();
    Map<String, Object> signUp = Map.of("username", username, "password", PASSWORD);
    Map<String, Object> account = Map.of("name", name, "displayName", "Race");
    Map<String, Object> role = Map.of("role", "MEMBER", "quota", Map.of("nvidia.com/gpu", "1"));

    List<Reply> signUps = Api.inParallel(20, () -> Api.at(base).post("api/v1/auth/signup", signUp));
    List<Reply> accounts = Api.inParallel(20, () -> admin.post("api/v1/admin/accounts", account));
    List<Reply> members =
        Api.inParallel(
            20, () -> admin.put("api/v1/admin/accounts/" + name + "/members/" + member, role));

    assertThat(signUps).extracting(Reply::status).containsOnly(201, 409).containsOnlyOnce(201);
    assertThat(conflicts(signUps)).containsOnly("user-exists");
    assertThat(accounts).extracting(Reply::status).containsOnly(201, 409).containsOnlyOnce(201);
    assertThat(conflicts(accounts)).containsOnly("account-exists");
    assertThat(members).extracting(Reply::status).isSubsetOf(200, 409).contains(200);
    assertThat(conflicts(members)).allMatch("concurrent-change"::equals);
    assertThat(admin.get("api/v1/admin/accounts/" + name + "/members").body()).hasSize(1);
    assertThat(logIn(username, PASSWORD).get("api/v1/auth/me").status()).isEqualTo(200);
  }

  /** The codes of the 409 answers, each a problem document. */
  private static List<String> conflicts(List<Reply> replies) {
    return replies.stream()
        .filter(reply -> reply.status() == 409)
        .peek(
            reply ->
                assertThat(reply.header("Content-Type")).startsWith("application/problem+json"))
        .map(Reply::code)
        .toList();
  }
}
