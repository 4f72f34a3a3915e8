package org.crater.model.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.crater.model.account.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  private static Dataset imagenet() {
    return new Dataset(
        "imagenet",
        DatasetKind.DATASET,
        "shared-data",
        "datasets/imagenet",
        true,
        " ImageNet ",
        NOW);
  }

  @Test
  void aNewDatasetIsSharedWithNoOne() {
    Dataset dataset = imagenet();

    assertThat(dataset.getVisibility()).isEqualTo(DatasetVisibility.SHARED);
    assertThat(dataset.getAccounts()).isEmpty();
    assertThat(dataset.getUsers()).isEmpty();
    assertThat(dataset.getDescription()).isEqualTo("ImageNet");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", "Upper", "under_score", "dot.ted", "-leading"})
  void rejectsNamesThatAreNotDns1123Labels(String name) {
    assertThatThrownBy(() -> new Dataset(name, DatasetKind.DATASET, "data", "", true, null, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DNS-1123");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", "Data", "data_set", "data.", ".data", "a..b"})
  void rejectsClaimNamesThatAreNotDns1123Subdomains(String pvc) {
    assertThatThrownBy(() -> new Dataset("d", DatasetKind.DATASET, pvc, "", true, null, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("claim");
  }

  @Test
  void acceptsDottedClaimNamesAndAnAbsentSubPath() {
    Dataset dataset =
        new Dataset("d", DatasetKind.SHARE_DIR, "team.data-1", null, false, null, NOW);

    assertThat(dataset.getPvc()).isEqualTo("team.data-1");
    assertThat(dataset.getSubPath()).isEmpty();
  }

  @ParameterizedTest(name = "{0}: [{1}] clean={2}")
  @CsvSource({
    "whole volume,         '',                 true",
    "one directory,        imagenet,           true",
    "nested,               datasets/imagenet,  true",
    "dots inside a name,   v1.2/..data,        true",
    "absolute,             /imagenet,          false",
    "trailing slash,       imagenet/,          false",
    "empty segment,        a//b,               false",
    "dot segment,          ./imagenet,         false",
    "climbs out,           imagenet/../secret, false",
    "only dot-dot,         ..,                 false",
    "backslash,            a\\b,               false"
  })
  void cleanSubPathsCannotClimbOut(String name, String path, boolean clean) {
    assertThat(SubPaths.isClean(path)).isEqualTo(clean);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "its own directory,            shared-data, datasets/imagenet,       true",
    "a directory inside it,        shared-data, datasets/imagenet/train, true",
    "the parent directory,         shared-data, datasets,                false",
    "the whole claim,              shared-data, '',                      false",
    "a sibling with the same start, shared-data, datasets/imagenet-21k,  false",
    "another claim,                other-data,  datasets/imagenet,       false",
    "a path climbing out,          shared-data, datasets/imagenet/../x,  false"
  })
  void coversOnlyItsOwnDirectory(String name, String pvc, String subPath, boolean covered) {
    assertThat(imagenet().covers(pvc, subPath)).isEqualTo(covered);
  }

  @Test
  void aWholeClaimCoversEveryDirectoryOfIt() {
    Dataset whole = new Dataset("home", DatasetKind.SHARE_DIR, "home", "", false, null, NOW);

    assertThat(whole.covers("home", "")).isTrue();
    assertThat(whole.covers("home", "alice/notebooks")).isTrue();
  }

  @Test
  void sharingWithEveryoneForgetsAccountsAndUsers() {
    Dataset dataset = imagenet();
    dataset.shareWith(Set.of(new Account("vision", "Vision", NOW)), Set.of(), NOW.plusSeconds(1));

    dataset.shareWithEveryone(NOW.plusSeconds(2));

    assertThat(dataset.getVisibility()).isEqualTo(DatasetVisibility.EVERYONE);
    assertThat(dataset.getAccounts()).isEmpty();
    assertThat(dataset.getUpdatedAt()).isEqualTo(NOW.plusSeconds(2));
  }

  @Test
  void sharingReplacesWhoeverCouldMountBefore() {
    Dataset dataset = imagenet();
    dataset.shareWith(Set.of(new Account("vision", "Vision", NOW)), Set.of(), NOW);

    dataset.shareWith(Set.of(new Account("nlp", "NLP", NOW)), Set.of(), NOW);

    assertThat(dataset.getVisibility()).isEqualTo(DatasetVisibility.SHARED);
    assertThat(dataset.getAccounts()).extracting(Account::getName).containsExactly("nlp");
  }

  @Test
  void changeKeepsTheNameAndNeverMovesUpdatedAtBeforeCreation() {
    Dataset dataset = imagenet();

    dataset.change(DatasetKind.SHARE_DIR, "other", "x/y", false, "", NOW.minusSeconds(60));

    assertThat(dataset.getName()).isEqualTo("imagenet");
    assertThat(dataset.getPvc()).isEqualTo("other");
    assertThat(dataset.getSubPath()).isEqualTo("x/y");
    assertThat(dataset.isReadOnly()).isFalse();
    assertThat(dataset.getUpdatedAt()).isEqualTo(NOW);
  }

  @Test
  void rejectsDescriptionsLongerThanTheColumn() {
    assertThatThrownBy(
            () ->
                new Dataset(
                    "d",
                    DatasetKind.DATASET,
                    "data",
                    "",
                    true,
                    "x".repeat(Dataset.MAX_DESCRIPTION + 1),
                    NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
