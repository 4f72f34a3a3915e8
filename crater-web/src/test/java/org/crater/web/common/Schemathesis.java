package org.crater.web.common;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Schemathesis, the API fuzzer of {@link ApiFuzzIT}, at a pinned version in a Python virtual
 * environment of its own under {@code ~/.cache/crater} (or {@code crater.fuzz.cache}), installed
 * from PyPI the first time it is needed. Needs {@code python3} (3.9+, or {@code
 * crater.fuzz.python}) with its {@code venv} module. Builds on one machine share the installation;
 * a file lock keeps two of them from installing at once, and an installation cut short is made
 * again.
 */
final class Schemathesis {

  static final String VERSION = "4.32.5";
  private static final long INSTALL_MINUTES = 10;

  /** Written last: an installation without it was cut short and is made again. */
  private static final String COMPLETE = ".crater-complete";

  private final Path executable;

  private Schemathesis(Path executable) {
    this.executable = executable;
  }

  /** The installed fuzzer, installing it first when needed. */
  static Schemathesis installed() throws IOException, InterruptedException {
    Path cache =
        Path.of(
            System.getProperty(
                "crater.fuzz.cache", System.getProperty("user.home") + "/.cache/crater"));
    Path home = cache.resolve("schemathesis-" + VERSION);
    Path st = home.resolve("bin").resolve("st");
    Files.createDirectories(cache);
    try (FileChannel lockFile =
            FileChannel.open(
                cache.resolve("schemathesis.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = lockFile.lock()) {
      if (!Files.exists(home.resolve(COMPLETE))) {
        install(cache, home);
      }
    }
    return new Schemathesis(st);
  }

  private static void install(Path cache, Path home) throws IOException, InterruptedException {
    deleteTree(home);
    String python = System.getProperty("crater.fuzz.python", "python3");
    run(List.of(python, "-m", "venv", home.toString()), cache, cache.resolve("venv.log"));
    run(
        List.of(
            home.resolve("bin").resolve("pip").toString(),
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "schemathesis==" + VERSION),
        cache,
        cache.resolve("pip.log"));
    Files.writeString(home.resolve(COMPLETE), VERSION);
  }

  /**
   * Runs {@code st} with {@code arguments} in {@code workDir}, its output in {@code log}; returns
   * its exit code, or throws when it takes longer than {@code minutes}.
   */
  int run(List<String> arguments, Map<String, String> env, Path workDir, Path log, long minutes)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(arguments);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return waitFor(builder.start(), minutes, String.join(" ", command));
  }

  private static void run(List<String> command, Path workDir, Path log)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (waitFor(process, INSTALL_MINUTES, String.join(" ", command)) != 0) {
      throw new IllegalStateException(
          "installing Schemathesis failed: " + command + "\n" + Files.readString(log));
    }
  }

  private static int waitFor(Process process, long minutes, String what)
      throws InterruptedException {
    if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(what + " took more than " + minutes + " min");
    }
    return process.exitValue();
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
