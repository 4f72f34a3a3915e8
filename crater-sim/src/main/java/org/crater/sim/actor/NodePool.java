package org.crater.sim.actor;

import java.util.Locale;

/**
 * A group of identical simulated GPU nodes: {@code count} nodes with {@code gpus} GPUs of {@code
 * model} (e.g. A100) and the given CPU and memory quantities each.
 */
public record NodePool(int count, String model, int gpus, String cpu, String memory) {

  /** The per-model extended resource, e.g. {@code nvidia.com/a100}. */
  public String modelResource() {
    return "nvidia.com/" + model.toLowerCase(Locale.ROOT);
  }

  /** Parses {@code count:model:gpus[:cpu[:memory]]}, e.g. {@code 4:A100:8:64:512Gi}. */
  public static NodePool parse(String text, String defaultCpu, String defaultMemory) {
    String[] p = text.split(":");
    if (p.length < 3) {
      throw new IllegalArgumentException("expected count:model:gpus[:cpu[:memory]], got " + text);
    }
    return new NodePool(
        Integer.parseInt(p[0]),
        p[1],
        Integer.parseInt(p[2]),
        p.length > 3 ? p[3] : defaultCpu,
        p.length > 4 ? p[4] : defaultMemory);
  }
}
