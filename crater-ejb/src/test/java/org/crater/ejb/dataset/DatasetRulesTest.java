package org.crater.ejb.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.crater.model.dataset.DatasetKind;
import org.crater.model.dataset.DatasetVisibility;
import org.junit.jupiter.api.Test;

class DatasetRulesTest {

  private static DatasetSpec spec(
      String pvc, String subPath, DatasetVisibility visibility, List<String> accounts) {
    return new DatasetSpec(
        "ImageNet", DatasetKind.DATASET, pvc, subPath, true, visibility, accounts, List.of());
  }

  @Test
  void aWellFormedDatasetBreaksNoRule() {
    assertThat(
            DatasetRules.check(
                "imagenet",
                spec("shared-data", "datasets/imagenet", DatasetVisibility.SHARED, List.of("lab"))))
        .isEmpty();
    assertThat(
            DatasetRules.check(
                "home", spec("home.claims", null, DatasetVisibility.EVERYONE, List.of())))
        .isEmpty();
  }

  @Test
  void reportsEveryBrokenRuleByField() {
    DatasetSpec bad =
        new DatasetSpec(
            "x".repeat(1025), null, "Shared_Data", "../etc", false, null, List.of(), List.of());

    assertThat(DatasetRules.check("Not A Name", bad))
        .containsOnlyKeys("name", "kind", "pvc", "subPath", "description", "visibility");
  }

  @Test
  void aDatasetForEveryoneNamesNoAccountsOrUsers() {
    assertThat(
            DatasetRules.check(
                "imagenet", spec("shared-data", "", DatasetVisibility.EVERYONE, List.of("lab"))))
        .containsOnlyKeys("visibility");
  }
}
