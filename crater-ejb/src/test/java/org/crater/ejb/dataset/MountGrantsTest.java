package org.crater.ejb.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crater.model.dataset.Dataset;
import org.crater.model.dataset.DatasetKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MountGrantsTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  /** ImageNet read-only and a writable team directory on one claim, a whole writable home claim. */
  private static final MountGrants GRANTS =
      MountGrants.of(
          List.of(
              dataset("imagenet", "shared-data", "datasets/imagenet", true),
              dataset("vision-share", "shared-data", "teams/vision", false),
              dataset("home", "home-alice", "", false)));

  private static Dataset dataset(String name, String pvc, String subPath, boolean readOnly) {
    return new Dataset(name, DatasetKind.DATASET, pvc, subPath, readOnly, null, NOW);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "a read-only dataset read-only,          shared-data, datasets/imagenet,       true,  ''",
    "a directory inside it read-only,        shared-data, datasets/imagenet/train, true,  ''",
    "a writable share dir writable,          shared-data, teams/vision/alice,      false, ''",
    "a whole writable claim at any depth,    home-alice,  notebooks/2026,          false, ''",
    "a read-only dataset writable,           shared-data, datasets/imagenet,       false, "
        + "dataset imagenet is read-only",
    "a claim no dataset of theirs is on,     secret-data, '',                      true,  "
        + "not a dataset or share dir you may mount",
    "the whole claim of a dataset,           shared-data, '',                      true,  "
        + "'outside the datasets you may mount on shared-data: datasets/imagenet, teams/vision'",
    "a sibling directory,                    shared-data, datasets/coco,           true,  "
        + "outside the datasets",
    "a path climbing out of a dataset,       shared-data, datasets/imagenet/../x,  true,  "
        + "relative path without",
    "an absolute path,                       home-alice,  /etc,                    true,  "
        + "relative path without"
  })
  void aMountMustStayInsideADatasetAndRespectItsMode(
      String name, String pvc, String subPath, boolean readOnly, String refusal) {
    Optional<String> reason = GRANTS.refusal(pvc, subPath, readOnly);

    if (refusal.isEmpty()) {
      assertThat(reason).isEmpty();
    } else {
      assertThat(reason).hasValueSatisfying(r -> assertThat(r).contains(refusal));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "a read-only dataset,                    shared-data, datasets/imagenet,       true",
    "a directory inside it,                  shared-data, datasets/imagenet/train, true",
    "a writable share dir,                   shared-data, teams/vision,            false",
    "a whole writable claim,                 home-alice,  '',                      false",
    "a claim no dataset of theirs is on,     secret-data, '',                      false",
    "outside every dataset of the claim,     shared-data, datasets/coco,           false"
  })
  void onlyADirectoryEveryCoveringDatasetKeepsReadOnlyIsOnlyReadable(
      String name, String pvc, String subPath, boolean onlyReadable) {
    assertThat(GRANTS.onlyReadable(pvc, subPath)).isEqualTo(onlyReadable);
    if (onlyReadable) {
      assertThat(GRANTS.refusal(pvc, subPath, true)).as("so mounted, it is allowed").isEmpty();
    }
  }

  @Test
  void aWritableDatasetOverTheSameDirectoryAllowsWriting() {
    MountGrants grants =
        MountGrants.of(
            List.of(
                dataset("corpus", "nlp-data", "", true),
                dataset("corpus-scratch", "nlp-data", "scratch", false)));

    assertThat(grants.refusal("nlp-data", "scratch/run1", false)).isEmpty();
    assertThat(grants.onlyReadable("nlp-data", "scratch/run1")).isFalse();
    assertThat(grants.refusal("nlp-data", "raw", false)).isPresent();
    assertThat(grants.onlyReadable("nlp-data", "raw")).isTrue();
  }

  @Test
  void anAbsentSubPathIsTheWholeClaim() {
    assertThat(GRANTS.refusal("home-alice", null, false)).isEmpty();
    assertThat(GRANTS.refusal("shared-data", null, true)).isPresent();
  }

  @Test
  void nothingIsMountableWithoutDatasets() {
    assertThat(MountGrants.of(List.of()).pvcs()).isEmpty();
    assertThat(MountGrants.of(List.of()).refusal("home-alice", "", true)).isPresent();
    assertThat(GRANTS.pvcs()).containsExactlyInAnyOrder("shared-data", "home-alice");
  }
}
