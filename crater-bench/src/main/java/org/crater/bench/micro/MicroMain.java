package org.crater.bench.micro;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs the JMH micro-benchmarks, prints one table and writes the JSON results, by default to {@code
 * target/bench/micro.json} next to the jar. Exits with 1 when a benchmark fails and 2 on a bad
 * command line; see {@link MicroOptions} for the arguments.
 */
public final class MicroMain {

  private MicroMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    MicroOptions options;
    try {
      options = MicroOptions.parse(args, defaultOut());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: MicroMain [--quick] [--prof NAME[:OPTIONS]]... [--param NAME=V1,V2]... [--out FILE]"
              + " [REGEX]...");
      return 2;
    }
    try {
      Files.createDirectories(options.out().toAbsolutePath().getParent());
      Collection<RunResult> results = new Runner(options.jmh()).run();
      if (results.isEmpty()) {
        System.err.println("no benchmark ran");
        return 1;
      }
      System.out.println();
      System.out.print(MicroTable.render(MicroTable.rows(results)));
      System.out.println("results: " + options.out());
      return 0;
    } catch (RunnerException | IOException e) {
      System.err.println("micro-benchmarks failed: " + e.getMessage());
      return 1;
    }
  }

  /** {@code target/bench/micro.json} beside the jar (or the classes directory) of this class. */
  private static Path defaultOut() {
    try {
      Path code =
          Path.of(MicroMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return code.toAbsolutePath().getParent().resolve("bench").resolve("micro.json");
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of("crater-bench", "target", "bench", "micro.json");
    }
  }
}
