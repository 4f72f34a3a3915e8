package org.crater.bench;

import java.nio.file.Path;

/**
 * Where the benchmark finds what it runs and writes what it measured, and how big it is.
 *
 * @param war the built crater.war
 * @param payaraMicro the Payara Micro jar
 * @param logging the JUL configuration for Payara Micro
 * @param out directory for logs and results
 * @param jdbcBase MariaDB URL without a database, e.g. {@code jdbc:mysql://127.0.0.1:3306/}
 * @param database the database each scenario drops and creates afresh
 * @param nodes GPU nodes of the simulated cluster
 * @param clients concurrent API clients
 * @param seconds how long the sustained submission phase lasts
 * @param quick smaller counts everywhere (a smoke run, not a measurement)
 * @param slurm whether to run the Slurm side as well
 * @param slurmStart a script that starts Slurm right before its side runs, or null
 * @param kube the directory of a running real control plane (bin/kube-up's run/kube), or null
 */
record BenchSettings(
    Path war,
    Path payaraMicro,
    Path logging,
    Path out,
    String jdbcBase,
    String database,
    int nodes,
    int clients,
    int seconds,
    boolean quick,
    boolean slurm,
    Path slurmStart,
    Path kube) {

  /** {@code full} when not quick, else {@code quick}. */
  int scaled(int full, int quick) {
    return this.quick ? quick : full;
  }
}
