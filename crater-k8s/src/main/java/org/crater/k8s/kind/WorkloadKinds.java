package org.crater.k8s.kind;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.crater.k8s.kind.batch.BatchKind;
import org.crater.k8s.kind.jupyter.JupyterKind;
import org.crater.k8s.kind.pytorch.PyTorchKind;
import org.crater.k8s.kind.tensorflow.TensorFlowKind;
import org.crater.k8s.kind.webide.WebIdeKind;

/**
 * The one registration of job kinds: every {@link WorkloadKind} Crater runs, by name. A kind of the
 * API that is missing here fails the test that checks every {@code JobKind} is registered.
 */
public final class WorkloadKinds {

  public static final WorkloadKind BATCH = new BatchKind();
  public static final WorkloadKind JUPYTER = new JupyterKind();
  public static final WorkloadKind PYTORCH = new PyTorchKind();
  public static final WorkloadKind TENSORFLOW = new TensorFlowKind();
  public static final WorkloadKind WEBIDE = new WebIdeKind();

  private static final Map<String, WorkloadKind> BY_NAME =
      byName(BATCH, JUPYTER, PYTORCH, TENSORFLOW, WEBIDE);

  private WorkloadKinds() {}

  /** The kind of this name; {@link IllegalArgumentException} for an unregistered one. */
  public static WorkloadKind of(String name) {
    WorkloadKind kind = BY_NAME.get(name);
    if (kind == null) {
      throw new IllegalArgumentException("no workload kind is registered as " + name);
    }
    return kind;
  }

  /** The kind whose objects carry this kind label value, if one does. */
  public static Optional<WorkloadKind> ofLabel(String labelValue) {
    return BY_NAME.values().stream().filter(k -> k.labelValue().equals(labelValue)).findFirst();
  }

  /** Every registered kind, in registration order. */
  public static Collection<WorkloadKind> all() {
    return BY_NAME.values();
  }

  private static Map<String, WorkloadKind> byName(WorkloadKind... kinds) {
    Map<String, WorkloadKind> map = new LinkedHashMap<>();
    for (WorkloadKind kind : kinds) {
      if (map.put(kind.name(), kind) != null) {
        throw new IllegalStateException("two workload kinds named " + kind.name());
      }
    }
    return Map.copyOf(map);
  }
}
