package org.crater.k8s.workload;

import java.util.Objects;

/**
 * A PersistentVolumeClaim mounted into every replica: a user home, a dataset or a share dir.
 *
 * @param pvc the claim name
 * @param subPath path inside the volume, empty for the root
 * @param mountPath path in the container (absolute; the API server refuses it otherwise)
 * @param readOnly whether the container may write
 */
public record Mount(String pvc, String subPath, String mountPath, boolean readOnly) {

  /**
   * Requires a claim and a mount path; a null sub-path means the volume root. The path is not
   * judged here: a job whose objects the API server refuses fails with the server's reason, where
   * refusing to build them would leave it admitted for ever.
   */
  public Mount {
    Objects.requireNonNull(pvc, "pvc");
    Objects.requireNonNull(mountPath, "mountPath");
    subPath = subPath == null ? "" : subPath;
  }
}
