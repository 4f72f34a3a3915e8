package org.crater.ejb.job;

import java.time.Instant;
import org.crater.model.job.JobKind;
import org.crater.model.job.JobPhase;

/**
 * Which jobs to list; every field is optional.
 *
 * @param phase only jobs in this phase
 * @param kind only jobs of this kind
 * @param account only jobs in this account
 * @param since submitted at or after
 * @param until submitted before
 * @param oldestFirst order by submission time ascending instead of newest first
 * @param withArchived archived jobs too (lists leave them out otherwise)
 */
public record JobFilter(
    JobPhase phase,
    JobKind kind,
    String account,
    Instant since,
    Instant until,
    boolean oldestFirst,
    boolean withArchived) {}
