package org.crater.sim.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IngressesTest {

  record Case(
      String name,
      String ruleHost,
      String type,
      String rulePath,
      String host,
      String path,
      boolean matches) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
            new Case(
                "prefix, same path", null, "Prefix", "/jupyter/n-1/", "h", "/jupyter/n-1/", true),
            new Case(
                "prefix, without slash",
                null,
                "Prefix",
                "/jupyter/n-1/",
                "h",
                "/jupyter/n-1",
                true),
            new Case(
                "prefix, below", null, "Prefix", "/jupyter/n-1/", "h", "/jupyter/n-1/lab", true),
            new Case(
                "prefix, element differs",
                null,
                "Prefix",
                "/jupyter/n-1/",
                "h",
                "/jupyter/n-10/",
                false),
            new Case("prefix, above", null, "Prefix", "/jupyter/n-1/", "h", "/jupyter/", false),
            new Case("exact, same", null, "Exact", "/a", "h", "/a", true),
            new Case("exact, below", null, "Exact", "/a", "h", "/a/b", false),
            new Case("host, same", "localhost", "Prefix", "/", "localhost", "/x", true),
            new Case("host, other", "localhost", "Prefix", "/", "example.org", "/x", false),
            new Case("host, upper case", "localhost", "Prefix", "/", "LOCALHOST", "/x", true),
            new Case("wildcard, one label", "*.lab.org", "Prefix", "/", "nb.lab.org", "/", true),
            new Case(
                "wildcard, two labels", "*.lab.org", "Prefix", "/", "a.nb.lab.org", "/", false),
            new Case("wildcard, none", "*.lab.org", "Prefix", "/", "lab.org", "/", false))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void routesLikeTheIngressSpecification(Case c) {
    JsonObject ingress = ingress("nb", c.ruleHost(), c.type(), c.rulePath(), "svc");

    assertThat(Ingresses.route(List.of(ingress), c.host(), c.path()).isPresent())
        .isEqualTo(c.matches());
  }

  @org.junit.jupiter.api.Test
  void theLongestMatchingPathWins() {
    JsonObject all = ingress("all", null, "Prefix", "/", "catch-all");
    JsonObject one = ingress("one", null, "Prefix", "/jupyter/n-1/", "notebook");

    assertThat(Ingresses.route(List.of(all, one), "h", "/jupyter/n-1/tree"))
        .hasValueSatisfying(b -> assertThat(b.service()).isEqualTo("notebook"));
    assertThat(Ingresses.route(List.of(one, all), "h", "/jupyter/n-2/"))
        .hasValueSatisfying(b -> assertThat(b.service()).isEqualTo("catch-all"));
  }

  @org.junit.jupiter.api.Test
  void aRegexPathWithARewriteTargetForwardsWhatTheRewriteMakesOfIt() {
    JsonObject ide = ingress("ide", null, "ImplementationSpecific", "/apps/ide-1(/|$)(.*)", "ide");
    ide.getAsJsonObject("metadata")
        .add(
            "annotations",
            Json.parse(
                "{\"nginx.ingress.kubernetes.io/use-regex\":\"true\","
                    + "\"nginx.ingress.kubernetes.io/rewrite-target\":\"/$2\"}"));

    assertThat(Ingresses.route(List.of(ide), "h", "/apps/ide-1/login"))
        .hasValueSatisfying(b -> assertThat(b.forwardedPath()).isEqualTo("/login"));
    assertThat(Ingresses.route(List.of(ide), "h", "/apps/ide-1"))
        .hasValueSatisfying(b -> assertThat(b.forwardedPath()).isEqualTo("/"));
    assertThat(Ingresses.route(List.of(ide), "h", "/APPS/ide-1/static/x.js"))
        .hasValueSatisfying(b -> assertThat(b.forwardedPath()).isEqualTo("/static/x.js"));
    assertThat(Ingresses.route(List.of(ide), "h", "/apps/ide-10/")).isEmpty();
    assertThat(Ingresses.route(List.of(ide), "h", "/other/apps/ide-1/")).isEmpty();
  }

  static JsonObject ingress(String name, String host, String type, String path, String service) {
    String hostField = host == null ? "" : "\"host\":\"" + host + "\",";
    return Json.parse(
        "{\"metadata\":{\"name\":\""
            + name
            + "\",\"namespace\":\"ns\"},\"spec\":{\"rules\":[{"
            + hostField
            + "\"http\":{\"paths\":[{\"path\":\""
            + path
            + "\",\"pathType\":\""
            + type
            + "\",\"backend\":{\"service\":{\"name\":\""
            + service
            + "\",\"port\":{\"number\":8888}}}}]}}]}}");
  }
}
