package org.crater.ejb.quota;

import java.util.Locale;
import java.util.TreeMap;
import org.crater.k8s.common.CraterLabels;
import org.crater.model.quota.ResourceVector;

/**
 * What a job charges to a quota: its total resources, plus its GPUs under the model's own resource
 * name ({@code nvidia.com/a100}) when it asks for a model, so a quota may limit GPUs per model.
 */
public final class QuotaCharge {

  /** {@link CraterLabels#GPU}, for the layers that cannot reach crater-k8s. */
  public static final String GPU = CraterLabels.GPU;

  private QuotaCharge() {}

  public static ResourceVector of(ResourceVector total, String gpuModel) {
    long gpus = total.get(CraterLabels.GPU);
    if (gpuModel == null || gpus == 0) {
      return total;
    }
    TreeMap<String, Long> amounts = new TreeMap<>(total.amounts());
    amounts.put(modelResource(gpuModel), gpus);
    return new ResourceVector(amounts);
  }

  /** The resource name of one GPU model, e.g. {@code nvidia.com/a100}. */
  public static String modelResource(String gpuModel) {
    return "nvidia.com/" + gpuModel.toLowerCase(Locale.ROOT);
  }

  /** True for a per-model GPU resource name. */
  public static boolean isModelResource(String resource) {
    return resource.startsWith("nvidia.com/") && !resource.equals(CraterLabels.GPU);
  }
}
