/**
 * The job routes: submit, list, detail, timeline, cancel, service level and statistics for the
 * caller's own jobs, and the administrators' view of all jobs.
 */
package org.crater.web.job;
