package org.crater.bench.admission;

import java.util.concurrent.TimeUnit;
import org.crater.ejb.scheduler.AdmissionPass;
import org.crater.ejb.scheduler.AdmissionPlan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One admission pass ({@link AdmissionPass#plan}) over a snapshot from {@link AdmissionWorkload}:
 * ordering the users' queues, nominating, placing, and the reasons and positions of every job left.
 * It lives in the scheduler's package because the pass and its snapshot are package-private. A pass
 * changes its room, so each invocation gets a fresh copy, made outside the measured time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AdmissionPassBenchmark {

  @Param({"2000", "20000"})
  public int queued;

  @Param({"1000"})
  public int users;

  @Param({"64", "512"})
  public int nodes;

  /** {@code FREE}: half the GPUs free, many admissions; {@code FULL}: every head waits. */
  @Param({"FREE", "FULL"})
  public String fill;

  private AdmissionPass.Snapshot template;
  private AdmissionPass.Snapshot snapshot;

  @Setup(Level.Trial)
  public void buildSnapshot() {
    template =
        AdmissionWorkload.snapshot(queued, users, nodes, AdmissionWorkload.Fill.valueOf(fill));
  }

  @Setup(Level.Invocation)
  public void freshRoom() {
    snapshot = template.withFreshRoom();
  }

  @Benchmark
  public AdmissionPlan plan() {
    return AdmissionPass.plan(snapshot, AdmissionWorkload.NOW);
  }
}
