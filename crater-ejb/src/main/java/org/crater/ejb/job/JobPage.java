package org.crater.ejb.job;

import java.util.List;
import org.crater.model.job.Job;

/**
 * One page of jobs.
 *
 * @param items the jobs of the page
 * @param total how many match in all
 */
public record JobPage(List<Job> items, long total) {}
