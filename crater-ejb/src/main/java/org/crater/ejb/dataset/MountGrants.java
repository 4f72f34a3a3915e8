package org.crater.ejb.dataset;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.crater.model.dataset.Dataset;
import org.crater.model.dataset.SubPaths;

/**
 * The datasets one user may mount, as the rule for the mounts of their jobs. A mount names a claim
 * and a directory of it: some dataset of the user's must contain that directory, and when every
 * such dataset is read-only the mount must be read-only too (it is refused, never silently
 * changed). A request that cannot say how to mount asks {@link #onlyReadable} first. Pure: the
 * datasets are read before.
 */
public final class MountGrants {

  /** No datasets at all: enough to check a job without mounts. */
  public static final MountGrants NONE = new MountGrants(List.of());

  private final List<Dataset> datasets;

  private MountGrants(List<Dataset> datasets) {
    this.datasets = List.copyOf(datasets);
  }

  public static MountGrants of(List<Dataset> datasets) {
    return new MountGrants(datasets);
  }

  /** The claims of all the datasets. */
  public Set<String> pvcs() {
    return datasets.stream().map(Dataset::getPvc).collect(Collectors.toUnmodifiableSet());
  }

  /** Why this directory of this claim may not be mounted so; empty when it may. */
  public Optional<String> refusal(String pvc, String subPath, boolean readOnly) {
    String path = subPath == null ? "" : subPath;
    if (!SubPaths.isClean(path)) {
      return Optional.of(
          "the sub-path must be a relative path without '.', '..' or empty segments");
    }
    List<Dataset> covering = covering(pvc, path);
    if (covering.isEmpty()) {
      return Optional.of(outside(pvc));
    }
    if (!readOnly && covering.stream().allMatch(Dataset::isReadOnly)) {
      return Optional.of(
          "dataset " + covering.get(0).getName() + " is read-only: mount it with readOnly true");
    }
    return Optional.empty();
  }

  /**
   * Whether this directory of this claim may only be read: some dataset contains it and every such
   * dataset is read-only. For requests that cannot say how to mount (v0.1.0 tasks).
   */
  public boolean onlyReadable(String pvc, String subPath) {
    List<Dataset> covering = covering(pvc, subPath == null ? "" : subPath);
    return !covering.isEmpty() && covering.stream().allMatch(Dataset::isReadOnly);
  }

  private List<Dataset> covering(String pvc, String path) {
    return datasets.stream().filter(d -> d.covers(pvc, path)).toList();
  }

  private String outside(String pvc) {
    // A dataset of the whole claim would have covered the mount, so every one here has a sub-path.
    List<String> onClaim =
        datasets.stream().filter(d -> d.getPvc().equals(pvc)).map(Dataset::getSubPath).toList();
    return onClaim.isEmpty()
        ? "not a dataset or share dir you may mount"
        : "outside the datasets you may mount on " + pvc + ": " + String.join(", ", onClaim);
  }
}
