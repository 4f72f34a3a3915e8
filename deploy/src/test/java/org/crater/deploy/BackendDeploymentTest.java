package org.crater.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crater.deploy.Manifests.at;
import static org.crater.deploy.Manifests.map;
import static org.crater.deploy.Manifests.maps;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The backend Deployment, the priority classes, MySQL and the Secret templates. */
class BackendDeploymentTest {

  private final Path k8s = Manifests.kubernetesDir();
  private final List<Map<String, Object>> base = Manifests.rendered(k8s.resolve("base"));
  private final Map<String, Object> deployment =
      Manifests.find(base, "Deployment", "crater-backend");

  private Map<String, Object> container() {
    List<Map<String, Object>> containers =
        maps(at(deployment, "spec", "template", "spec", "containers"));
    assertThat(containers).hasSize(1);
    return containers.get(0);
  }

  @Test
  void twoReplicasThatNeverAllGoDownTogether() {
    assertThat(at(deployment, "spec", "replicas")).isEqualTo(2);
    assertThat(at(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable")).isEqualTo(0);
    Map<String, Object> pdb = Manifests.find(base, "PodDisruptionBudget", "crater-backend");
    assertThat(at(pdb, "spec", "minAvailable")).isEqualTo(1);
  }

  @Test
  void probesUseMicroProfileHealth() {
    Map<String, Object> c = container();
    assertThat(at(c, "startupProbe", "httpGet", "path")).isEqualTo("/health/started");
    assertThat(at(c, "livenessProbe", "httpGet", "path")).isEqualTo("/health/live");
    assertThat(at(c, "readinessProbe", "httpGet", "path")).isEqualTo("/health/ready");
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      assertThat(at(c, probe, "httpGet", "port")).isEqualTo("http");
    }
    assertThat(maps(c.get("ports"))).containsExactly(Map.of("name", "http", "containerPort", 8080));
  }

  @Test
  void runsAsTheImageUserWithoutPrivileges() {
    Map<String, Object> pod = map(at(deployment, "spec", "template", "spec", "securityContext"));
    assertThat(pod).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 10001);
    Map<String, Object> c = map(container().get("securityContext"));
    assertThat(c)
        .containsEntry("allowPrivilegeEscalation", false)
        .containsEntry("readOnlyRootFilesystem", true);
    assertThat(Manifests.strings(at(c, "capabilities", "drop"))).containsExactly("ALL");
    assertThat(map(container().get("resources")).get("limits")).isNotNull();
  }

  @Test
  void writableDirectoriesAndSecretFilesAreMounted() {
    Map<String, String> mounts =
        maps(container().get("volumeMounts")).stream()
            .collect(
                Collectors.toMap(m -> (String) m.get("mountPath"), m -> (String) m.get("name")));
    assertThat(mounts).containsKeys("/tmp", "/var/lib/crater", "/etc/crater/secrets");
    Map<String, Object> volumes =
        maps(at(deployment, "spec", "template", "spec", "volumes")).stream()
            .collect(Collectors.toMap(v -> (String) v.get("name"), v -> v));
    assertThat(map(volumes.get(mounts.get("/tmp")))).containsKey("emptyDir");
    assertThat(map(volumes.get(mounts.get("/var/lib/crater")))).containsKey("emptyDir");
    assertThat(map(volumes.get(mounts.get("/etc/crater/secrets")))).containsKey("projected");
  }

  @Test
  void configComesFromTheEnvironmentOnly() {
    Map<String, Object> config = Manifests.find(base, "ConfigMap", "crater-config");
    assertThat(map(config.get("data")).keySet()).allMatch(k -> k.matches("CRATER_[A-Z0-9_]+"));
    assertThat(map(config.get("data"))).containsEntry("CRATER_DEV_MODE", "false");
    assertThat(container().get("env")).as("no inline env: ConfigMap and secret files").isNull();
  }

  @Test
  void guaranteedOutranksBestEffortAndOnlyCraterPreempts() {
    Map<String, Object> guaranteed = Manifests.find(base, "PriorityClass", "crater-guaranteed");
    Map<String, Object> bestEffort = Manifests.find(base, "PriorityClass", "crater-best-effort");
    assertThat((Integer) guaranteed.get("value")).isGreaterThan((Integer) bestEffort.get("value"));
    assertThat(bestEffort.get("preemptionPolicy")).isEqualTo("Never");
    assertThat(guaranteed.get("preemptionPolicy")).isEqualTo("Never");
    assertThat(guaranteed.get("globalDefault")).isEqualTo(false);
    assertThat(bestEffort.get("globalDefault")).isEqualTo(false);
  }

  @Test
  void mysqlKeepsItsDataOnAClaimAndReadsTheSharedSecret() {
    List<Map<String, Object>> docs = Manifests.rendered(k8s.resolve("overlays/production"));
    Map<String, Object> mysql = Manifests.find(docs, "StatefulSet", "crater-mysql");
    assertThat(maps(at(mysql, "spec", "volumeClaimTemplates"))).hasSize(1);
    Map<String, Object> secret = Manifests.find(docs, "Secret", "crater-db");
    for (Map<String, Object> c : maps(at(mysql, "spec", "template", "spec", "containers"))) {
      for (Map<String, Object> env : maps(c.get("env"))) {
        Object key = at(env, "valueFrom", "secretKeyRef", "key");
        if (key != null) {
          assertThat(map(secret.get("stringData"))).containsKey((String) key);
        }
      }
    }
  }

  @Test
  void secretTemplatesAreClearlyPlaceholders() {
    for (String overlay : List.of("production", "external-db")) {
      for (Map<String, Object> secret :
          Manifests.ofKind(
              Manifests.rendered(k8s.resolve("overlays").resolve(overlay)), "Secret")) {
        map(secret.get("stringData"))
            .forEach(
                (key, value) -> {
                  if (!key.endsWith(".user")) {
                    assertThat((String) value).as("%s %s", overlay, key).startsWith("REPLACE-ME");
                  }
                });
      }
    }
  }
}
