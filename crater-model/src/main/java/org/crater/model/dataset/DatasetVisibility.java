package org.crater.model.dataset;

/** Who may mount a dataset: every user, or only the accounts and users it is shared with. */
public enum DatasetVisibility {
  EVERYONE,
  SHARED
}
