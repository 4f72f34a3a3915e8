package org.crater.model.usage;

/**
 * What an attempt holds while it runs, all replicas together.
 *
 * @param gpus GPUs
 * @param cpuMillis CPU in thousandths of a core
 * @param memoryMib memory in MiB (2^20 bytes)
 */
public record AttemptResources(long gpus, long cpuMillis, long memoryMib) {

  public AttemptResources {
    if (gpus < 0 || cpuMillis < 0 || memoryMib < 0) {
      throw new IllegalArgumentException("resources must not be negative");
    }
  }
}
