package org.crater.model.dataset;

/**
 * What a mountable volume holds: read-mostly data to train on, or a directory people share to
 * exchange files (the two lists Crater v0.1.0 kept apart).
 */
public enum DatasetKind {
  DATASET,
  SHARE_DIR
}
