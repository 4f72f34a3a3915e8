package org.crater.ejb.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code WHERE} clause of an {@link AuditQuery}, with its values in the order of its {@code ?}
 * placeholders. Values never become SQL text.
 */
record AuditConditions(String sql, List<Object> values) {

  static AuditConditions of(AuditQuery q) {
    List<String> parts = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    add(parts, values, "username = ?", q.username());
    add(parts, values, "method = ?", q.method() == null ? null : upper(q.method()));
    add(parts, values, "route LIKE ? ESCAPE '!'", q.route() == null ? null : contains(q.route()));
    add(parts, values, "object_type = ?", q.objectType());
    if (q.objectId() != null) {
      parts.add("(object_id = ? OR object_id LIKE ? ESCAPE '!')");
      values.add(q.objectId());
      values.add(escape(q.objectId()) + "/%");
    }
    add(parts, values, "status >= ?", q.statusFrom());
    add(parts, values, "status <= ?", q.statusTo());
    add(parts, values, "created_at >= ?", q.from() == null ? null : Timestamp.from(q.from()));
    add(parts, values, "created_at < ?", q.to() == null ? null : Timestamp.from(q.to()));
    String sql = parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    return new AuditConditions(sql, List.copyOf(values));
  }

  private static void add(List<String> parts, List<Object> values, String part, Object value) {
    if (value != null) {
      parts.add(part);
      values.add(value);
    }
  }

  private static String upper(String text) {
    return text.toUpperCase(Locale.ROOT);
  }

  private static String contains(String text) {
    return "%" + escape(text) + "%";
  }

  /** Makes {@code %}, {@code _} and the escape character itself match only themselves. */
  static String escape(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
