package org.crater.ejb.gpu;

import java.util.Objects;

/**
 * A pod by namespace and name, as GPU metrics attribute utilisation to it.
 *
 * @param namespace the pod's namespace
 * @param pod the pod's name
 */
public record PodRef(String namespace, String pod) {

  public PodRef {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(pod, "pod");
  }
}
