package org.crater.model.job;

/**
 * A volume a job mounts: a PVC (a dataset or share dir), the part of it, where, and whether
 * read-only.
 *
 * @param pvc the PersistentVolumeClaim
 * @param subPath the directory inside it, empty for all of it
 * @param mountPath where the containers see it
 * @param readOnly whether they may only read
 */
public record JobMount(String pvc, String subPath, String mountPath, boolean readOnly) {}
