/**
 * GPU utilisation of the jobs' pods, as the cluster's monitoring has it: what idle reclamation
 * reads.
 */
package org.crater.ejb.gpu;
