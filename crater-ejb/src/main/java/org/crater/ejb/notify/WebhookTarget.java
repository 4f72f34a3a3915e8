package org.crater.ejb.notify;

/**
 * What calling a webhook needs.
 *
 * @param id the webhook's id
 * @param url where to POST
 * @param secret what the body is signed with
 */
public record WebhookTarget(long id, String url, String secret) {

  @Override
  public String toString() {
    return "WebhookTarget[id=" + id + ", url=" + url + "]";
  }
}
