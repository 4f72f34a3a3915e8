package org.crater.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.crater.bench.slurm.SlurmBench;
import org.crater.bench.slurm.SlurmConfig;
import org.crater.bench.slurm.SlurmResult;

/**
 * Runs the benchmark suite: each scenario against a freshly started Crater (Payara Micro with the
 * built war, a new MariaDB database, an in-process simulated cluster), then prints a table and
 * writes {@code results.csv} and {@code results.json}. Bounded in count and time; only 127.0.0.1.
 *
 * <pre>
 * java -cp 'crater-bench/target/crater-bench.jar:crater-bench/target/lib/*' org.crater.bench.BenchMain
 *     [--quick] [--nodes 64] [--clients 16] [--seconds 30] [--only submit,ceiling,admission,reconcile,lists]
 *     [--scale] [--real-cluster run/kube]
 *     [--no-slurm] [--slurm-start crater-bench/slurm/start.sh] [--out run/bench]
 *     [--database crater_bench]
 * </pre>
 *
 * <p>{@code --scale} adds the scale scenarios (a million stored jobs, 5,000 nodes, 10,000 users, a
 * burst of 50,000 jobs); {@code --real-cluster} adds the same burst of small jobs on crater-sim and
 * on the real control plane whose directory (bin/kube-up's) it names. {@code --only} names any.
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    BenchSettings settings = settings(options);
    for (Path required : List.of(settings.war(), settings.payaraMicro(), settings.logging())) {
      if (!Files.exists(required)) {
        throw new IllegalStateException(required + " is missing: build first (bin/bench does)");
      }
    }
    Files.createDirectories(settings.out());
    Map<String, Callable<List<Row>>> all = scenarios(settings);
    List<String> only = selected(options, all.keySet());

    List<Row> rows = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (var scenario : all.entrySet()) {
      if (only.contains(scenario.getKey())) {
        runOne(scenario.getKey(), scenario.getValue(), rows, failures);
      }
    }
    rows.addAll(CommitCeiling.shareOf(rows, settings.clients()));
    if (settings.slurm()) {
      System.out.println("bench: slurm ...");
      List<Row> slurm = slurm(settings, rows);
      slurm.forEach(r -> System.out.println("  " + line(r)));
      rows.addAll(slurm);
    }
    print(rows);
    write(settings.out(), rows);
    if (!failures.isEmpty()) {
      System.out.println("failed scenarios: " + failures);
      System.exit(1);
    }
  }

  private static BenchSettings settings(Map<String, String> options) {
    boolean quick = options.containsKey("quick");
    return new BenchSettings(
        Path.of(options.getOrDefault("war", "crater-web/target/crater.war")),
        Path.of(options.getOrDefault("payara", "crater-web/target/payara-micro.jar")),
        Path.of(options.getOrDefault("logging", "deploy/logging.properties")),
        Path.of(options.getOrDefault("out", "run/bench")),
        options.getOrDefault("jdbc", "jdbc:mysql://127.0.0.1:3306/"),
        options.getOrDefault("database", "crater_bench"),
        Integer.parseInt(options.getOrDefault("nodes", "64")),
        Integer.parseInt(options.getOrDefault("clients", "16")),
        Integer.parseInt(options.getOrDefault("seconds", quick ? "10" : "30")),
        quick,
        !options.containsKey("no-slurm"),
        options.containsKey("slurm-start") ? Path.of(options.get("slurm-start")) : null,
        options.containsKey("real-cluster") ? Path.of(options.get("real-cluster")) : null);
  }

  /** Runs one scenario, adding its rows, or its failure. */
  private static void runOne(
      String name, Callable<List<Row>> scenario, List<Row> rows, List<String> failures) {
    System.out.println("bench: " + name + " ...");
    try {
      List<Row> measured = scenario.call();
      measured.forEach(r -> System.out.println("  " + line(r)));
      rows.addAll(measured);
    } catch (Exception e) {
      failures.add(name + ": " + e.getMessage());
      System.out.println("  FAILED: " + e.getMessage());
    }
  }

  /** Every scenario by name, in the order they run. */
  static Map<String, Callable<List<Row>>> scenarios(BenchSettings settings) {
    Map<String, Callable<List<Row>>> all = new LinkedHashMap<>();
    all.put("submit", new SubmitScenario(settings)::run);
    all.put("ceiling", new CommitCeiling(settings)::run);
    all.put("admission", new AdmissionScenario(settings)::run);
    all.put("reconcile", new ReconcileScenario(settings)::run);
    all.put("lists", new ListsScenario(settings)::run);
    all.put("control-plane", new ControlPlaneScenario(settings)::run);
    all.put("scale-jobs", new ScaleJobsScenario(settings)::run);
    all.put("scale-nodes", new ScaleNodesScenario(settings)::run);
    all.put("scale-users", new ScaleUsersScenario(settings)::run);
    all.put("scale-burst", new BurstScenario(settings)::run);
    return all;
  }

  /**
   * The scenarios to run: those of {@code --only}, else the default five, with the scale scenarios
   * for {@code --scale} and crater-sim against the real control plane for {@code --real-cluster}.
   */
  static List<String> selected(Map<String, String> options, Set<String> names) {
    if (options.containsKey("only")) {
      List<String> only = List.of(options.get("only").split(","));
      for (String name : only) {
        if (!names.contains(name)) {
          throw new IllegalArgumentException("no scenario " + name + "; there are " + names);
        }
      }
      return only;
    }
    List<String> chosen =
        new ArrayList<>(List.of("submit", "ceiling", "admission", "reconcile", "lists"));
    if (options.containsKey("real-cluster")) {
      chosen.add("control-plane");
    }
    if (options.containsKey("scale")) {
      names.stream().filter(n -> n.startsWith("scale-")).forEach(chosen::add);
    }
    return chosen;
  }

  /** The same job mix through Slurm on this machine, and the Crater/Slurm ratios. */
  private static List<Row> slurm(BenchSettings settings, List<Row> crater)
      throws InterruptedException, IOException {
    if (settings.slurmStart() != null) {
      int exit = new ProcessBuilder(settings.slurmStart().toString()).inheritIO().start().waitFor();
      if (exit != 0) {
        throw new IllegalStateException(settings.slurmStart() + " failed with exit code " + exit);
      }
    }
    if (!SlurmBench.available()) {
      return List.of(
          new Row(
              "slurm",
              "not measured",
              Double.NaN,
              "",
              "",
              "Slurm is not running: crater-bench/slurm/setup.sh && crater-bench/slurm/start.sh"));
    }
    int latencyJobs = settings.scaled(100, 30);
    SlurmResult result =
        SlurmBench.run(
            new SlurmConfig(
                settings.clients(),
                settings.seconds(),
                0,
                2,
                1.0,
                1,
                latencyJobs,
                200,
                settings.seconds() + latencyJobs + 120));
    String notes = String.join("; ", result.notes());
    List<Row> rows = new ArrayList<>();
    rows.add(
        new Row(
            "slurm",
            "sbatch submit",
            result.jobsPerSecond(),
            "jobs/s",
            "",
            settings.clients() + " submitters, " + result.seconds() + " s; " + notes));
    rows.add(
        new Row(
            "slurm",
            "submit -> start p50",
            orNaN(result.p50Ms()),
            "ms",
            "",
            result.latencyJobs() + " jobs, 5/s, free GPUs"));
    rows.add(new Row("slurm", "submit -> start p95", orNaN(result.p95Ms()), "ms", "", ""));
    rows.add(new Row("slurm", "submit -> start p99", orNaN(result.p99Ms()), "ms", "", ""));
    double craterRate = value(crater, "REST submit");
    double craterP99 = value(crater, "submit -> pod created p99");
    rows.add(
        new Row(
            "ratio",
            "submit throughput Crater / Slurm",
            craterRate / result.jobsPerSecond(),
            "x",
            "",
            "higher is better for Crater"));
    rows.add(
        new Row(
            "ratio",
            "p99 to start Slurm / Crater",
            orNaN(result.p99Ms()) / craterP99,
            "x",
            "",
            "higher is better for Crater (Crater: submit -> pod created)"));
    return rows;
  }

  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }

  private static double value(List<Row> rows, String metric) {
    return rows.stream()
        .filter(r -> r.metric().equals(metric))
        .mapToDouble(Row::value)
        .findFirst()
        .orElse(Double.NaN);
  }

  private static void print(List<Row> rows) {
    System.out.println();
    System.out.printf(
        "%-11s %-38s %12s %-9s %-9s %-4s %s%n",
        "scenario", "metric", "value", "unit", "target", "met", "conditions");
    for (Row r : rows) {
      System.out.println(line(r));
    }
  }

  private static String line(Row r) {
    return String.format(
        Locale.ROOT,
        "%-11s %-38s %12.1f %-9s %-9s %-4s %s",
        r.scenario(),
        r.metric(),
        r.value(),
        r.unit(),
        r.target(),
        r.met(),
        r.note());
  }

  private static void write(Path out, List<Row> rows) throws IOException {
    StringBuilder csv = new StringBuilder("scenario,metric,value,unit,target,met,conditions\n");
    for (Row r : rows) {
      csv.append(
              String.join(
                  ",",
                  quote(r.scenario()),
                  quote(r.metric()),
                  String.format(Locale.ROOT, "%.3f", r.value()),
                  quote(r.unit()),
                  quote(r.target()),
                  r.met(),
                  quote(r.note())))
          .append('\n');
    }
    Files.writeString(out.resolve("results.csv"), csv);
    Http.JSON
        .copy()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(out.resolve("results.json").toFile(), rows);
    System.out.println(
        "\nwrote " + out.resolve("results.csv") + " and " + out.resolve("results.json"));
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i].replaceFirst("^--", "");
      boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
      options.put(name, flag ? "" : args[++i]);
    }
    return options;
  }
}
