package org.crater.ejb.notify;

import java.util.Map;
import org.crater.ejb.common.CraterException;

/** A webhook URL Crater will not call (400). */
public class InvalidWebhookException extends CraterException {

  public InvalidWebhookException(String reason) {
    super(400, "invalid-webhook", "The webhook URL " + reason + ".");
  }

  @Override
  public Map<String, String> fieldErrors() {
    return Map.of("url", getMessage());
  }
}
