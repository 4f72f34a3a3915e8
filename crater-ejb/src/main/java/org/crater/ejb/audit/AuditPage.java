package org.crater.ejb.audit;

import java.util.List;

/**
 * One page of the audit log, newest first.
 *
 * @param items the rows of this page
 * @param total how many rows match in all
 */
public record AuditPage(List<Row> items, long total) {

  /** A stored entry and its row id. */
  public record Row(long id, AuditEntry entry) {}
}
