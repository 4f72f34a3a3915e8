/**
 * Job use cases: submission (validated, within the whole quota for guaranteed work), the caller's
 * own jobs and their timelines, cancellation and service-level changes. Another user's job id
 * answers as if it did not exist.
 */
package org.crater.ejb.job;
