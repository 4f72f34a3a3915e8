package org.crater.ejb.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import org.crater.k8s.workload.WorkloadSettings;
import org.crater.k8s.workload.WorkloadSpec;
import org.crater.model.account.Account;
import org.crater.model.job.Job;
import org.crater.model.job.JobKind;
import org.crater.model.job.JobRequest;
import org.crater.model.job.Slo;
import org.crater.model.job.TaskType;
import org.crater.model.quota.ResourceVector;
import org.crater.model.user.PlatformRole;
import org.crater.model.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobSpecsTest {

  @Test
  void aNotebookShowsAndStartsWithTheTokenStoredWithItsJobWhateverTheProcessSecret()
      throws Exception {
    Job notebook = stored(JobKind.JUPYTER, 1234);

    WorkloadSpec spec = JobSpecs.of(notebook);
    // Two processes without a configured signing secret derive two different secrets.
    String shownByOne = WorkloadSettings.defaults("first-process").endpoint(spec).secret();
    String shownByOther = WorkloadSettings.defaults("second-process").endpoint(spec).secret();

    assertThat(notebook.getNotebookToken()).matches("[0-9a-f]{32}");
    assertThat(spec.accessSecret()).isEqualTo(notebook.getNotebookToken());
    assertThat(shownByOne).isEqualTo(notebook.getNotebookToken()).isEqualTo(shownByOther);
    assertThat(spec.objectName()).isEqualTo("crater-1234-1");
  }

  @Test
  void otherJobsHaveNoToken() throws Exception {
    assertThat(JobSpecs.of(stored(JobKind.BATCH, 1235)).accessSecret()).isNull();
  }

  @ParameterizedTest
  @EnumSource(JobKind.class)
  void everyJobKindHasItsClusterWorkload(JobKind kind) throws Exception {
    assertThat(JobSpecs.of(stored(kind, 1236)).kind().name()).isEqualTo(kind.name());
  }

  @ParameterizedTest
  @EnumSource(JobKind.class)
  void aKindIsInteractiveInTheApiExactlyWhenItsClusterWorkloadIsAndThenHasItsOwnSecret(JobKind kind)
      throws Exception {
    WorkloadSpec spec = JobSpecs.of(stored(kind, 1237));

    assertThat(kind.interactive()).isEqualTo(spec.kind().interactive().isPresent());
    if (kind.interactive()) {
      assertThat(spec.accessSecret()).matches("[0-9a-f]{32}");
      assertThat(JobSpecs.of(stored(kind, 1237)).accessSecret()).isNotEqualTo(spec.accessSecret());
    } else {
      assertThat(spec.accessSecret()).isNull();
    }
  }

  /** A job as read from the database: the id is the one JPA assigned. */
  private static Job stored(JobKind kind, long id) throws ReflectiveOperationException {
    User alice = new User("alice", "Alice", null, "hash", PlatformRole.USER, ObservationsTest.NOW);
    Account lab = new Account("lab", "Lab", ObservationsTest.NOW);
    JobRequest request =
        new JobRequest(
            "notebook",
            kind,
            TaskType.DEBUGGING,
            Slo.BEST_EFFORT,
            "quay.io/jupyter/base-notebook",
            List.of("start-notebook.py"),
            List.of(),
            Map.of(),
            null,
            ResourceVector.of(Map.of("cpu", 2000L)),
            null,
            1,
            List.of(),
            null);
    Job job = new Job(alice, lab, request, ObservationsTest.NOW);
    Field field = Job.class.getDeclaredField("id");
    field.setAccessible(true);
    field.set(job, id);
    return job;
  }
}
