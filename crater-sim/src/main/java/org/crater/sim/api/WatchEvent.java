package org.crater.sim.api;

import com.google.gson.JsonObject;

/**
 * One change in the store. {@code previous} is the object before a MODIFIED change (used to turn a
 * change across a selector boundary into ADDED or DELETED), {@code null} otherwise.
 */
public record WatchEvent(
    String type, ResourceType resource, JsonObject object, JsonObject previous, long rv) {
  public static final String ADDED = "ADDED";
  public static final String MODIFIED = "MODIFIED";
  public static final String DELETED = "DELETED";
  public static final String BOOKMARK = "BOOKMARK";
  public static final String ERROR = "ERROR";
  static final String CLOSE = "CLOSE";

  public WatchEvent withType(String newType) {
    return new WatchEvent(newType, resource, object, previous, rv);
  }
}
