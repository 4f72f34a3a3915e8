package org.crater.sim.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** Merge, JSON and approximate strategic merge patches on Gson trees. */
class PatchesTest {
  private static final String MERGE = "application/merge-patch+json";
  private static final String JSON = "application/json-patch+json";
  private static final String STRATEGIC = "application/strategic-merge-patch+json";

  private static JsonObject doc() {
    return Json.parse(
        "{\"a\":1,\"m\":{\"x\":1,\"y\":2},\"list\":[1,2,3],"
            + "\"containers\":[{\"name\":\"c1\",\"image\":\"i1\"},{\"name\":\"c2\",\"image\":\"i2\"}]}");
  }

  @Test
  void mergePatchSetsRemovesAndReplacesLists() {
    JsonObject out =
        Patches.apply(doc(), MERGE, "{\"a\":null,\"m\":{\"y\":3},\"list\":[9],\"new\":true}");
    assertThat(Json.write(out))
        .isEqualTo(
            "{\"m\":{\"x\":1,\"y\":3},\"list\":[9],\"containers\":[{\"name\":\"c1\",\"image\":\"i1\"},"
                + "{\"name\":\"c2\",\"image\":\"i2\"}],\"new\":true}");
  }

  @Test
  void jsonPatchSupportsEveryOperation() {
    JsonObject out =
        Patches.apply(
            doc(),
            JSON,
            "[{\"op\":\"add\",\"path\":\"/list/1\",\"value\":7},"
                + "{\"op\":\"add\",\"path\":\"/list/-\",\"value\":8},"
                + "{\"op\":\"remove\",\"path\":\"/m/x\"},"
                + "{\"op\":\"replace\",\"path\":\"/a\",\"value\":2},"
                + "{\"op\":\"copy\",\"from\":\"/a\",\"path\":\"/b\"},"
                + "{\"op\":\"move\",\"from\":\"/m\",\"path\":\"/n\"},"
                + "{\"op\":\"test\",\"path\":\"/b\",\"value\":2}]");
    assertThat(Json.write(out.get("list"))).isEqualTo("[1,7,2,3,8]");
    assertThat(out.has("m")).isFalse();
    assertThat(Json.write(out.get("n"))).isEqualTo("{\"y\":2}");
    assertThat(out.get("b").getAsInt()).isEqualTo(2);
  }

  @Test
  void jsonPatchFailuresAreRejected() {
    assertThatThrownBy(
            () -> Patches.apply(doc(), JSON, "[{\"op\":\"test\",\"path\":\"/a\",\"value\":5}]"))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(422));
    assertThatThrownBy(() -> Patches.apply(doc(), JSON, "[{\"op\":\"remove\",\"path\":\"/zz\"}]"))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(422));
    assertThatThrownBy(() -> Patches.apply(doc(), JSON, "{\"op\":\"add\"}"))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(400));
    assertThatThrownBy(() -> Patches.apply(doc(), "application/yaml", "{}"))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(415));
  }

  @Test
  void strategicMergeMergesNamedListItems() {
    JsonObject out =
        Patches.apply(
            doc(),
            STRATEGIC,
            "{\"containers\":[{\"name\":\"c2\",\"image\":\"new\"},{\"name\":\"c3\",\"image\":\"i3\"}],"
                + "\"list\":[5]}");
    assertThat(Json.write(out.get("containers")))
        .isEqualTo(
            "[{\"name\":\"c1\",\"image\":\"i1\"},{\"name\":\"c2\",\"image\":\"new\"},"
                + "{\"name\":\"c3\",\"image\":\"i3\"}]");
    assertThat(Json.write(out.get("list"))).isEqualTo("[5]");
  }
}
