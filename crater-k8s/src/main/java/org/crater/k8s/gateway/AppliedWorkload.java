package org.crater.k8s.gateway;

import org.crater.k8s.workload.JupyterEndpoint;

/**
 * The outcome of {@link ClusterGateway#apply}: where the workload lives and whether this call
 * created it (false when it already existed, which is equally a success).
 *
 * @param namespace namespace
 * @param objectName Pod or Volcano job name
 * @param volcano whether it is a Volcano job
 * @param created whether this call created the main object
 * @param jupyter the notebook endpoint for Jupyter jobs, else null
 */
public record AppliedWorkload(
    String namespace,
    String objectName,
    boolean volcano,
    boolean created,
    JupyterEndpoint jupyter) {}
