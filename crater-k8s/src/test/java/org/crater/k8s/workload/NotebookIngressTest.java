package org.crater.k8s.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NotebookIngressTest {

  record Case(String name, String host, String prefix, String tls, String publicUrl, String url) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> urls() {
    return Stream.of(
            new Case(
                "host, no TLS: http",
                "nb.lab.org",
                null,
                null,
                null,
                "http://nb.lab.org/jupyter/crater-7-2/?token=t"),
            new Case(
                "host and TLS: https",
                "nb.lab.org",
                "/jupyter/",
                "nb-tls",
                null,
                "https://nb.lab.org/jupyter/crater-7-2/?token=t"),
            new Case(
                "prefix without slashes",
                "nb.lab.org",
                "notebooks",
                null,
                null,
                "http://nb.lab.org/notebooks/crater-7-2/?token=t"),
            new Case(
                "public URL wins, trailing slash dropped",
                "localhost",
                null,
                null,
                "http://localhost:8081/",
                "http://localhost:8081/jupyter/crater-7-2/?token=t"),
            new Case(
                "public URL without host",
                " ",
                null,
                null,
                "https://gpu.lab.org/base",
                "https://gpu.lab.org/base/jupyter/crater-7-2/?token=t"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("urls")
  void buildsThePublicUrlAndTheBaseUrlFromTheSettings(Case c) {
    NotebookIngress ingress =
        new NotebookIngress(true, null, c.host(), c.prefix(), c.tls(), c.publicUrl(), Map.of());

    assertThat(ingress.url("crater-7-2") + "?token=t").isEqualTo(c.url());
    assertThat(c.url()).contains(ingress.path("crater-7-2") + "?token=");
    assertThat(ingress.path("crater-7-2")).startsWith("/").endsWith("/crater-7-2/");
  }

  record Bad(String name, String className, String host, String prefix, String tls, String url) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
            new Bad("neither host nor public URL", null, null, null, null, null),
            new Bad("host with a port", null, "nb.lab.org:443", null, null, null),
            new Bad("wildcard host without public URL", null, "*.lab.org", null, null, null),
            new Bad("host in upper case", null, "NB.lab.org", null, null, null),
            new Bad("class with a space", "my class", "nb.lab.org", null, null, null),
            new Bad("TLS secret with a slash", null, "nb.lab.org", null, "ns/tls", null),
            new Bad("prefix with a query", null, "nb.lab.org", "/jupyter/?x=1", null, null),
            new Bad("public URL not http", null, "nb.lab.org", null, null, "ftp://nb.lab.org"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesSettingsNoIngressOrBrowserCouldUse(Bad b) {
    assertThatThrownBy(
            () ->
                new NotebookIngress(
                    true, b.className(), b.host(), b.prefix(), b.tls(), b.url(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("notebook");
  }

  @Test
  void disabledNeedsNothing() {
    NotebookIngress off = new NotebookIngress(false, null, null, null, null, null, null);

    assertThat(off.enabled()).isFalse();
    assertThat(off.pathPrefix()).isEqualTo(NotebookIngress.DEFAULT_PATH_PREFIX);
    assertThat(off.annotations()).isEmpty();
  }
}
