package org.crater.bench.micro;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The command line of {@link MicroMain}: {@code [--quick] [--prof NAME[:OPTIONS]]... [--param
 * NAME=V1,V2]... [--out FILE] [REGEX]...}. Without a regex every benchmark runs. The normal run is
 * one fork, 3 warm-up and 5 measured iterations of a second each; {@code --quick} is one fork, 1
 * warm-up and 2 measured iterations of 200 ms, enough to see the order of magnitude.
 *
 * @param quick short iterations
 * @param profilers JMH profilers to add, with JMH's options after a colon, e.g. {@code gc} or
 *     {@code stack:lines=3}
 * @param params parameter values that replace the benchmarks' own
 * @param out the JSON results file
 * @param includes benchmark name patterns; empty for all
 */
record MicroOptions(
    boolean quick,
    List<String> profilers,
    Map<String, String[]> params,
    Path out,
    List<String> includes) {

  /** Parses the arguments; {@code defaultOut} is used without {@code --out}. */
  static MicroOptions parse(String[] args, Path defaultOut) {
    boolean quick = false;
    List<String> profilers = new ArrayList<>();
    Map<String, String[]> params = new LinkedHashMap<>();
    Path out = defaultOut;
    List<String> includes = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--prof" -> profilers.add(value(args, ++i, "--prof"));
        case "--out" -> out = Path.of(value(args, ++i, "--out"));
        case "--param" -> {
          String param = value(args, ++i, "--param");
          int eq = param.indexOf('=');
          if (eq < 1) {
            throw new IllegalArgumentException("--param wants NAME=V1,V2, got " + param);
          }
          params.put(param.substring(0, eq), param.substring(eq + 1).split(","));
        }
        default -> {
          if (args[i].startsWith("--")) {
            throw new IllegalArgumentException("unknown option " + args[i]);
          }
          includes.add(args[i]);
        }
      }
    }
    return new MicroOptions(quick, List.copyOf(profilers), params, out, List.copyOf(includes));
  }

  /** The JMH options: iterations, fork heap, profilers, parameters, JSON output. */
  Options jmh() {
    ChainedOptionsBuilder b =
        new OptionsBuilder()
            .forks(1)
            .jvmArgs("-Xms1g", "-Xmx1g")
            .shouldFailOnError(true)
            .resultFormat(ResultFormatType.JSON)
            .result(out.toString());
    TimeValue time = quick ? TimeValue.milliseconds(200) : TimeValue.seconds(1);
    b.warmupIterations(quick ? 1 : 3).warmupTime(time);
    b.measurementIterations(quick ? 2 : 5).measurementTime(time);
    includes.forEach(b::include);
    for (String profiler : profilers) {
      int colon = profiler.indexOf(':');
      if (colon < 0) {
        b.addProfiler(profiler);
      } else {
        b.addProfiler(profiler.substring(0, colon), profiler.substring(colon + 1));
      }
    }
    params.forEach(b::param);
    return b.build();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
