package org.crater.ejb.scheduler;

/**
 * A queued job's place: why it waits and its 1-based position in the order the scheduler will
 * consider the waiting jobs (guaranteed first, then across users, least-served first).
 *
 * @param reason why it waits
 * @param position 1 for the next job to be considered
 */
public record Waiting(WaitReason reason, int position) {}
