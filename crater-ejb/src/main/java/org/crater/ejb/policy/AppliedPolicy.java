package org.crater.ejb.policy;

import java.time.Instant;
import org.crater.model.policy.PolicyLimits;

/**
 * A policy as it is read: whose it is, its limits, when it was last changed and by whom, and
 * whether its idle reclamation works.
 *
 * @param account the account's name, or {@code null} for the cluster default
 * @param idleReclamation {@code on}, {@code off} (the policy sets no idle limits) or {@code
 *     unavailable} (it does, but no source of GPU utilisation is configured)
 */
public record AppliedPolicy(
    String account,
    PolicyLimits limits,
    Instant updatedAt,
    String updatedBy,
    String idleReclamation) {}
