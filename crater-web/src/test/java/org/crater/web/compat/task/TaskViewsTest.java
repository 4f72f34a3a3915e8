package org.crater.web.compat.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.crater.ejb.dataset.MountGrants;
import org.crater.ejb.quota.MemberQuota;
import org.crater.model.account.Account;
import org.crater.model.account.AccountRole;
import org.crater.model.dataset.Dataset;
import org.crater.model.dataset.DatasetKind;
import org.crater.model.job.Job;
import org.crater.model.job.JobKind;
import org.crater.model.job.JobMount;
import org.crater.model.job.JobPhase;
import org.crater.model.job.JobRequest;
import org.crater.model.job.Slo;
import org.crater.model.job.TaskType;
import org.crater.model.quota.ResourceVector;
import org.crater.model.user.PlatformRole;
import org.crater.model.user.User;
import org.crater.web.compat.CompatJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskViewsTest {

  /** Configured like the API's own writer: absent values are left out unless a view says not. */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  private static Job aJob() {
    User ada = new User("ada", "Ada", null, "hash", PlatformRole.USER, NOW);
    JobRequest request =
        new JobRequest(
            "train",
            JobKind.BATCH,
            TaskType.TRAINING,
            Slo.BEST_EFFORT,
            "busybox:1.36",
            List.of("/bin/bash", "-c", "sleep 1"),
            List.of(),
            Map.of(),
            null,
            ResourceVector.of(Map.of("cpu", 1000L)),
            null,
            1,
            List.of(),
            null);
    return new Job(ada, new Account("default", "Default", NOW), request, NOW);
  }

  @Test
  void aV010TaskBecomesOneShellPodInTheDefaultAccount() {
    TaskBodies.Create body =
        CompatJson.parse(
            new ByteArrayInputStream(
                """
            {"taskName": " resnet ", "taskType": "Training", "slo": 1, "image": "pytorch/pytorch:2.4",
             "resourceRequest": {"cpu": "4", "memory": "16Gi", "nvidia.com/gpu": 1},
             "command": "python train.py --epochs 3", "workingDir": "",
             "shareDirs": {"imagenet": [{"mountPath": "/data", "subPath": "train"}],
                           "home-ada": [{"mountPath": "/home/ada"}]},
             "estimatedTime": 0, "args": {"ignored": "yes"}}
            """
                    .getBytes(StandardCharsets.UTF_8)),
            TaskBodies.Create.class);
    MountGrants grants =
        MountGrants.of(
            List.of(
                new Dataset("imagenet", DatasetKind.DATASET, "imagenet", "", true, null, NOW),
                new Dataset("home-ada", DatasetKind.SHARE_DIR, "home-ada", "", false, null, NOW)));

    JobRequest job = TaskViews.request(body, grants);

    assertThat(job.name()).isEqualTo("resnet");
    assertThat(job.kind()).isEqualTo(JobKind.BATCH);
    assertThat(job.taskType()).isEqualTo(TaskType.TRAINING);
    assertThat(job.slo()).isEqualTo(Slo.GUARANTEED);
    assertThat(job.command()).containsExactly("/bin/bash", "-c", "python train.py --epochs 3");
    assertThat(job.args()).isEmpty();
    assertThat(job.workingDir()).isNull();
    assertThat(job.resources().get("nvidia.com/gpu")).isEqualTo(1);
    assertThat(job.resources().get("memory")).isEqualTo(16L << 30);
    assertThat(job.mounts())
        .as("a read-only dataset is mounted read-only, a writable share dir writable")
        .containsExactlyInAnyOrder(
            new JobMount("imagenet", "train", "/data", true),
            new JobMount("home-ada", "", "/home/ada", false));
    assertThat(job.replicas()).isEqualTo(1);
    assertThat(job.estimatedSeconds()).isNull();
  }

  @ParameterizedTest(name = "slo {0} -> {1}")
  @CsvSource({"1, GUARANTEED", "0, BEST_EFFORT", ", BEST_EFFORT"})
  void sloOneIsGuaranteedAnythingElseBestEffort(Integer slo, Slo expected) {
    assertThat(TaskViews.slo(slo)).isEqualTo(expected);
  }

  @Test
  void showsTheShellCommandOrTheNativeCommandLine() {
    assertThat(TaskViews.commandLine(List.of("/bin/bash", "-c", "python a.py"), List.of()))
        .isEqualTo("python a.py");
    assertThat(TaskViews.commandLine(List.of("python", "a.py"), List.of("--epochs", "3")))
        .isEqualTo("python a.py --epochs 3");
  }

  @Test
  void aCancelledJobIsADeletedTaskThatReadsAsFailed() {
    assertThat(TaskViews.status(JobPhase.CANCELLED)).isEqualTo("Failed");
    assertThat(TaskViews.status(JobPhase.QUEUEING)).isEqualTo("Queueing");
  }

  @Test
  void aDeletedTaskIsACancelledOrAnArchivedJob() {
    Job queued = aJob();
    Job cancelled = aJob();
    cancelled.cancel("ada", NOW);
    Job archived = aJob();
    archived.admit("scheduler", NOW);
    archived.finish(0, "Completed", null, "reconciler", NOW);
    archived.archive("ada", NOW);

    assertThat(Stream.of(queued, cancelled, archived))
        .extracting(job -> TaskViews.status(job.getPhase()), TaskViews::deleted)
        .containsExactly(tuple("Queueing", false), tuple("Failed", true), tuple("Succeeded", true));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no GPU        | cpu=4000,memory=17179869184 "
            + "| {\"cpu\":\"4\",\"memory\":\"16Gi\",\"nvidia.com/gpu\":\"0\"}",
        "two GPUs      | cpu=500,nvidia.com/gpu=2 "
            + "| {\"cpu\":\"500m\",\"memory\":\"0\",\"nvidia.com/gpu\":\"2\"}",
        "another kind  | cpu=1000,memory=1073741824,example.com/fpga=1 "
            + "| {\"cpu\":\"1\",\"example.com/fpga\":\"1\",\"memory\":\"1Gi\","
            + "\"nvidia.com/gpu\":\"0\"}"
      })
  void theResourceRequestAlwaysShowsCpuMemoryAndGpus(String name, String amounts, String json)
      throws Exception {
    Map<String, Long> vector = new java.util.TreeMap<>();
    for (String pair : amounts.split(",")) {
      String[] kv = pair.split("=");
      vector.put(kv[0], Long.parseLong(kv[1]));
    }

    String shown = JSON.writeValueAsString(TaskViews.resourceRequest(ResourceVector.of(vector)));

    assertThat(shown).isEqualTo(json);
  }

  @Test
  void statisticsLeaveOutEmptyStatusesAndDeletedTasks() throws Exception {
    Map<JobPhase, Long> counts = new EnumMap<>(JobPhase.class);
    for (JobPhase phase : JobPhase.values()) {
      counts.put(phase, 0L);
    }
    counts.put(JobPhase.RUNNING, 2L);
    counts.put(JobPhase.QUEUEING, 3L);
    counts.put(JobPhase.CANCELLED, 5L);

    JsonNode stats = JSON.valueToTree(TaskViews.stats(counts));

    assertThat(stats.toString())
        .isEqualTo(
            "{\"taskCount\":[{\"Status\":\"Queueing\",\"Count\":3},{\"Status\":\"Running\",\"Count\":2}]}");
  }

  @Test
  void theQuotaIsTheDefaultAccountsAsKubernetesQuantities() {
    ResourceVector limit =
        ResourceVector.of(Map.of("cpu", 16_000L, "memory", 64L << 30, "nvidia.com/gpu", 1L));
    ResourceVector bestEffort =
        ResourceVector.of(Map.of("cpu", 8_000L, "nvidia.com/gpu", 2L, "nvidia.com/a100", 2L));
    MemberQuota inDefault =
        new MemberQuota(
            "default",
            AccountRole.MEMBER,
            limit,
            ResourceVector.ZERO,
            bestEffort,
            limit,
            ResourceVector.ZERO,
            bestEffort);
    MemberQuota elsewhere =
        new MemberQuota(
            "lab",
            AccountRole.MEMBER,
            limit.times(2),
            limit,
            limit,
            limit,
            ResourceVector.ZERO,
            limit);

    JsonNode quota = JSON.valueToTree(TaskViews.quota("alice", List.of(elsewhere, inDefault)));
    JsonNode none = JSON.valueToTree(TaskViews.quota("bob", List.of()));

    assertThat(quota.toString())
        .isEqualTo(
            "{\"user\":\"alice\","
                + "\"hard\":{\"cpu\":\"16\",\"memory\":\"64Gi\",\"nvidia.com/a100\":\"0\","
                + "\"nvidia.com/gpu\":\"1\"},"
                + "\"hardUsed\":{\"cpu\":\"0\",\"memory\":\"0\",\"nvidia.com/a100\":\"0\","
                + "\"nvidia.com/gpu\":\"0\"},"
                + "\"softUsed\":{\"cpu\":\"8\",\"memory\":\"0\",\"nvidia.com/a100\":\"2\","
                + "\"nvidia.com/gpu\":\"2\"}}");
    assertThat(none.path("hard").isObject()).isTrue();
    assertThat(none.path("hard").size()).isZero();
  }

  @Test
  void goStyleKeysAndNullTimestampsAsV010WroteThem() {
    TaskView task =
        new TaskView(
            7,
            "t",
            "alice",
            "crater-jobs",
            "training",
            Instant.EPOCH,
            Instant.EPOCH,
            null,
            null,
            null,
            0,
            0,
            "img",
            "{}",
            "",
            "{}",
            "sleep 1",
            "[]",
            0,
            "Queueing",
            "",
            "",
            false,
            0,
            "",
            0,
            "");

    JsonNode created = JSON.valueToTree(new TaskAnswers.Created(7));
    JsonNode listing = JSON.valueToTree(new TaskAnswers.Listing(List.of(task)));

    assertThat(created.toString()).isEqualTo("{\"TaskID\":7}");
    JsonNode first = listing.path("Tasks").get(0);
    assertThat(first.has("admittedAt")).isTrue();
    assertThat(first.path("admittedAt").isNull()).isTrue();
    assertThat(first.path("isDeleted").isBoolean()).isTrue();
    assertThat(first.size()).isEqualTo(27);
  }
}
