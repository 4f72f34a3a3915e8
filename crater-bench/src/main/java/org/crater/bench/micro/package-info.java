/**
 * JMH micro-benchmarks of Crater's pure hot paths (quota arithmetic, desired-object building) and
 * {@link org.crater.bench.micro.MicroMain}, which runs every benchmark on the classpath, the
 * admission pass's included, and prints one table.
 */
package org.crater.bench.micro;
