package org.crater.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioSelectionTest {

  private static final BenchSettings SETTINGS =
      new BenchSettings(
          Path.of("crater.war"),
          Path.of("payara-micro.jar"),
          Path.of("logging.properties"),
          Path.of("out"),
          "jdbc:mysql://127.0.0.1:3306/",
          "crater_bench",
          64,
          16,
          30,
          false,
          false,
          null,
          null);

  private static final Set<String> NAMES = BenchMain.scenarios(SETTINGS).keySet();

  @Test
  void theDefaultRunIsTheFiveBoundedScenarios() {
    assertThat(BenchMain.selected(Map.of(), NAMES))
        .containsExactly("submit", "ceiling", "admission", "reconcile", "lists");
  }

  @Test
  void scaleAddsTheScaleScenariosAndRealClusterTheControlPlane() {
    assertThat(BenchMain.selected(Map.of("scale", "", "real-cluster", "run/kube"), NAMES))
        .containsExactly(
            "submit",
            "ceiling",
            "admission",
            "reconcile",
            "lists",
            "control-plane",
            "scale-jobs",
            "scale-nodes",
            "scale-users",
            "scale-burst");
  }

  @Test
  void onlyNamesAnyScenarioAndRefusesAnUnknownOne() {
    assertThat(BenchMain.selected(Map.of("only", "scale-burst,lists"), NAMES))
        .containsExactly("scale-burst", "lists");
    assertThatThrownBy(() -> BenchMain.selected(Map.of("only", "scale-everything"), NAMES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no scenario scale-everything");
  }
}
