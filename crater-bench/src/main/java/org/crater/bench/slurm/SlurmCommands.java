package org.crater.bench.slurm;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs Slurm's command-line tools as child processes, each killed when its timeout passes, so no
 * call can outlive the run's deadline.
 */
final class SlurmCommands {
  /** What one command left: its exit code ({@code -1} when it was killed) and its output. */
  record Outcome(int exitCode, String stdout, String stderr) {
    boolean ok() {
      return exitCode == 0;
    }

    /** The first line of stderr, or the exit code when stderr is empty. */
    String error() {
      String line = stderr.strip().lines().findFirst().orElse("");
      return line.isEmpty() ? "exit code " + exitCode : line;
    }
  }

  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "slurm-command-watchdog");
            t.setDaemon(true);
            return t;
          });

  private final Path scratch;

  /**
   * @param scratch a directory for the commands' stderr files
   */
  SlurmCommands(Path scratch) {
    this.scratch = scratch;
  }

  /** What one {@code sbatch} call gave: a job id, or the reason there is none. */
  record Submission(OptionalLong jobId, String error) {}

  /** Submits a batch job that runs {@code script} with {@code /bin/sh}. */
  Submission sbatch(List<String> options, String script, Duration timeout) {
    List<String> command = new ArrayList<>(List.of("sbatch", "--parsable"));
    command.addAll(options);
    command.add("--wrap");
    command.add(script);
    Outcome outcome = run(command, timeout);
    if (!outcome.ok()) {
      return new Submission(OptionalLong.empty(), outcome.error());
    }
    OptionalLong id = SlurmOutput.jobId(outcome.stdout());
    return new Submission(id, id.isPresent() ? "" : "no job id in: " + outcome.stdout().strip());
  }

  /** Cancels every job of this user with the given name. */
  Outcome scancelByName(String name, Duration timeout) {
    return run(List.of("scancel", "--user=" + user(), "--name=" + name), timeout);
  }

  /** The number of this user's pending, running or completing jobs with the given name. */
  int queuedByName(String name, Duration timeout) {
    Outcome outcome =
        run(List.of("squeue", "-h", "--user=" + user(), "--name=" + name, "-o", "%i"), timeout);
    if (!outcome.ok()) {
      throw new IllegalStateException("squeue failed: " + outcome.error());
    }
    return (int) outcome.stdout().lines().filter(l -> !l.isBlank()).count();
  }

  /** Runs one command and waits for it, killing it once {@code timeout} has passed. */
  Outcome run(List<String> command, Duration timeout) {
    Path stderr = null;
    Process process = null;
    try {
      stderr = Files.createTempFile(scratch, "stderr", ".txt");
      process =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectError(stderr.toFile())
              .start();
      ScheduledFuture<?> kill =
          WATCHDOG.schedule(process::destroyForcibly, timeout.toMillis(), TimeUnit.MILLISECONDS);
      String stdout = read(process.getInputStream());
      int exit = process.waitFor();
      if (!kill.cancel(false)) {
        return new Outcome(-1, stdout, "timed out after " + timeout.toMillis() + " ms");
      }
      return new Outcome(exit, stdout, Files.readString(stderr));
    } catch (IOException e) {
      return new Outcome(-1, "", command.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return new Outcome(-1, "", "interrupted");
    } finally {
      deleteQuietly(stderr);
    }
  }

  private static String read(InputStream in) throws IOException {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String user() {
    return System.getProperty("user.name");
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // A stderr file left in the scratch directory goes when the directory is removed.
      }
    }
  }
}
