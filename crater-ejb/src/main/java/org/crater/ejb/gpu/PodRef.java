package org.crater.ejb.gpu;

/** A pod, by namespace and name. */
public record PodRef(String namespace, String pod) {}
