package org.crater.ejb.node;

import java.util.Map;
import org.crater.ejb.common.CraterException;

/** The cluster is not configured or its cache has not caught up yet: 503, retry shortly. */
public class ClusterUnavailableException extends CraterException {

  public ClusterUnavailableException(String why) {
    super(503, "cluster-unavailable", why);
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", "5");
  }
}
