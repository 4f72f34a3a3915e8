/** Cluster policies and extension requests over HTTP. */
package org.crater.web.policy;
