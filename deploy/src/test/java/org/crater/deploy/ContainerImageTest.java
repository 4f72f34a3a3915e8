package org.crater.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The image definition (deploy/container/Containerfile) cannot be built here (no container engine),
 * so its key properties are checked as text: a non-root user, the port and probes the Deployment
 * uses, JVM sizing by the container limit, and COPY sources that are the Maven build's output.
 */
class ContainerImageTest {

  private static final Path CONTAINER = Manifests.deployDir().resolve("container");

  /** One instruction: keyword and arguments, continuation lines joined, comments dropped. */
  record Instruction(String keyword, String args) {}

  static List<Instruction> instructions() throws IOException {
    List<Instruction> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(CONTAINER.resolve("Containerfile"))) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      current.append(trimmed);
      String text = current.toString().strip();
      current.setLength(0);
      if (!text.isEmpty()) {
        int space = text.indexOf(' ');
        out.add(
            new Instruction(
                text.substring(0, space).toUpperCase(), text.substring(space + 1).strip()));
      }
    }
    return out;
  }

  static List<String> args(String keyword) throws IOException {
    return instructions().stream()
        .filter(i -> i.keyword().equals(keyword))
        .map(Instruction::args)
        .toList();
  }

  @Test
  void runsAsAFixedNonRootUser() throws IOException {
    List<String> users = args("USER");
    assertThat(users).isNotEmpty();
    String last = users.get(users.size() - 1);
    assertThat(last).matches("[0-9]+(:[0-9]+)?");
    assertThat(last.split(":")[0]).isNotEqualTo("0").isEqualTo("10001");
  }

  @Test
  void exposesThePortTheDeploymentProbes() throws IOException {
    assertThat(args("EXPOSE")).containsExactly("8080");
    assertThat(args("HEALTHCHECK")).singleElement().asString().contains("/health/ready");
    assertThat(String.join(" ", args("ENTRYPOINT"))).contains("\"--port\", \"8080\"");
  }

  @Test
  void isNotReadyUntilTheWarHasDeployed() throws IOException {
    assertThat(String.join(" ", args("ENTRYPOINT"))).contains("\"@/opt/crater/jvm.options\"");
    assertThat(Files.readAllLines(Manifests.repoDir().resolve("deploy/jvm.options")))
        .contains("-Dmp.health.default.readiness.empty.response=DOWN");
  }

  @Test
  void letsCraterAnswerLargeHeaderBlocksBeforePayaraDoes() throws IOException {
    assertThat(String.join(" ", args("ENTRYPOINT")))
        .contains("\"--prebootcommandfile\", \"/opt/crater/preboot.asadmin\"");
    // Above crater.http.max-header-bytes (16 KiB), so that Crater's 431 answers first.
    assertThat(Files.readAllLines(Manifests.repoDir().resolve("deploy/preboot.asadmin")))
        .anyMatch(l -> l.endsWith("http-listener.http.header-buffer-length-bytes=65536"));
  }

  @Test
  void sizesTheHeapByTheContainerLimit() throws IOException {
    assertThat(String.join(" ", args("ENV")))
        .contains("-XX:MaxRAMPercentage=")
        .contains("JDK_JAVA_OPTIONS");
    assertThat(String.join(" ", args("ENV"))).doesNotContain("-Xmx").doesNotContain("CRATER_");
  }

  @Test
  void copiesTheMavenOutputAndTheDeployFiles() throws Exception {
    Document web = pom(Manifests.repoDir().resolve("crater-web/pom.xml"));
    String finalName = text(web.getDocumentElement(), "finalName");
    assertThat(text(web.getDocumentElement(), "packaging")).isEqualTo("war");
    List<String> destFileNames = texts(web, "destFileName");

    List<String> ignored = Files.readAllLines(CONTAINER.resolve("Containerfile.dockerignore"));
    String entrypoint = String.join(" ", args("ENTRYPOINT"));
    for (String copy : args("COPY")) {
      String[] parts = copy.split("\\s+");
      String source = parts[parts.length - 2];
      String target = parts[parts.length - 1];
      assertThat(ignored).as("the build context keeps %s", source).contains("!" + source);
      assertThat(entrypoint).as("the entrypoint uses %s", target).contains(target);
      if (source.startsWith("crater-web/target/")) {
        String file = source.substring("crater-web/target/".length());
        assertThat(List.of(finalName + ".war", "payara-micro.jar")).contains(file);
        if (file.equals("payara-micro.jar")) {
          assertThat(destFileNames).contains(file);
        }
      } else {
        assertThat(Manifests.repoDir().resolve(source)).as("COPY %s", source).isRegularFile();
      }
    }
    assertThat(args("COPY"))
        .anyMatch(c -> c.startsWith("crater-web/target/" + finalName + ".war "));
  }

  @Test
  void secretFilesAreReadFromWhereTheDeploymentMountsThem() throws IOException {
    List<String> postboot = Files.readAllLines(CONTAINER.resolve("postboot.asadmin"));
    assertThat(postboot).contains("set-config-dir --directory=/etc/crater/secrets");
    assertThat(postboot)
        .anyMatch(l -> l.matches("set-config-ordinal --source=secrets --ordinal=2[0-9][0-9]"));
    List<Map<String, Object>> base = Manifests.rendered(Manifests.kubernetesDir().resolve("base"));
    Map<String, Object> deployment = Manifests.find(base, "Deployment", "crater-backend");
    assertThat(deployment.toString()).contains("mountPath=/etc/crater/secrets");
    assertThat(String.join(" ", args("ENTRYPOINT")))
        .contains("/var/lib/crater/payara")
        .contains("--nocluster")
        .contains("--logProperties");
  }

  private static Document pom(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  private static String text(Element root, String tag) {
    NodeList nodes = root.getElementsByTagName(tag);
    assertThat(nodes.getLength()).as("<%s>", tag).isGreaterThanOrEqualTo(1);
    return nodes.item(0).getTextContent().strip();
  }

  private static List<String> texts(Document doc, String tag) {
    NodeList nodes = doc.getElementsByTagName(tag);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent().strip());
    }
    return out;
  }
}
