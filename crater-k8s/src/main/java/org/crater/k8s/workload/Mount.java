package org.crater.k8s.workload;

import java.util.Objects;

/**
 * A PersistentVolumeClaim mounted into every replica: a user home, a dataset or a share dir.
 *
 * @param pvc the claim name
 * @param subPath path inside the volume, empty for the root
 * @param mountPath absolute path in the container
 * @param readOnly whether the container may write
 */
public record Mount(String pvc, String subPath, String mountPath, boolean readOnly) {

  /** Requires a claim and an absolute mount path; a null sub-path means the volume root. */
  public Mount {
    Objects.requireNonNull(pvc, "pvc");
    Objects.requireNonNull(mountPath, "mountPath");
    if (!mountPath.startsWith("/")) {
      throw new IllegalArgumentException("mountPath must be absolute: " + mountPath);
    }
    subPath = subPath == null ? "" : subPath;
  }
}
