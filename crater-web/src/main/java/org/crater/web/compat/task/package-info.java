/**
 * The v0.1.0 task routes ({@code /v1/aitask/*}) over the native jobs: a task is a job in the
 * caller's {@code default} account, slo 0/1 is BEST_EFFORT/GUARANTEED, the v0.1.0 status is the
 * job's phase name. Deleting a task cancels its job; a cancelled job is a deleted task: it leaves
 * the lists and the statistics, and reads as {@code status: "Failed"}, {@code isDeleted: true}.
 */
package org.crater.web.compat.task;
