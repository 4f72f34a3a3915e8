/**
 * Crater's benchmarks: the suite that runs against a freshly started Crater (and Slurm on the same
 * machine) and prints a table, and the JMH micro-benchmarks of the hot paths ({@code micro}).
 */
package org.crater.bench;
