/**
 * The Slurm side of the benchmark: {@code sbatch} submit throughput and submit → start latency
 * against the one-node Slurm that {@code crater-bench/slurm/setup.sh} configures. Every run is
 * bounded by a hard deadline and cancels every job it submitted.
 */
package org.crater.bench.slurm;
