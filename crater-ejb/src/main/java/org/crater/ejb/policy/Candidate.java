package org.crater.ejb.policy;

import org.crater.model.policy.JobPolicyState;

/**
 * A job a policy check looks at.
 *
 * @param facts what the decisions need of it
 * @param accountId its account, whose policy applies
 * @param marks what the checks did to its attempt so far; {@code null}: nothing
 * @param clusterName the name of its attempt's objects, the prefix of its pods' names
 */
public record Candidate(JobFacts facts, long accountId, JobPolicyState marks, String clusterName) {}
