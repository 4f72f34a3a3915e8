package org.crater.model.policy;

/** Where an extension request stands. */
public enum ExtensionState {
  PENDING,
  APPROVED,
  REJECTED
}
