package org.crater.ejb.user;

/**
 * Fired inside the transaction that changes a user's role or status or deletes the user, so what
 * this replica remembers of them is dropped.
 *
 * @param userId the user's id
 */
public record UserChanged(long userId) {}
