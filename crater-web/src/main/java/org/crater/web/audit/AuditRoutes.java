package org.crater.web.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Route templates and the objects they name, from the matched resource's {@code @Path}s and the
 * request's path parameters: {@code /api/v1/jobs/{id}/cancel} with {@code id=42} names the object
 * {@code jobs} {@code 42}; several parameters give their values joined by {@code /} ({@code
 * accounts} {@code vision/alice}); a create without parameters names what its {@code Location}
 * points at.
 */
final class AuditRoutes {

  /** The route of a request that matched no resource. */
  static final String UNMATCHED = "(unmatched)";

  private static final Pattern PARAM = Pattern.compile("\\{\\s*([^:}\\s]+)\\s*(:[^}]*)?}");

  private AuditRoutes() {}

  /** The object a route names: its kind and id. */
  record Target(String type, String id) {}

  /** The template of a resource method: {@code /} + the class path + the method path. */
  static String template(String classPath, String methodPath) {
    StringBuilder path = new StringBuilder();
    for (String part : new String[] {classPath, methodPath}) {
      if (part == null) {
        continue;
      }
      for (String segment : part.split("/")) {
        if (!segment.isEmpty()) {
          path.append('/').append(segment);
        }
      }
    }
    Matcher m = PARAM.matcher(path.length() == 0 ? "/" : path.toString());
    return m.replaceAll(r -> Matcher.quoteReplacement("{" + r.group(1) + "}"));
  }

  /**
   * The object {@code template} names with {@code params}, or with {@code location} (a created
   * object's URI) when it has no parameters; {@code null} when it names none.
   */
  static Target target(String template, Map<String, List<String>> params, String location) {
    String[] segments = template.split("/");
    String type = null;
    List<String> ids = new ArrayList<>();
    for (String segment : segments) {
      Matcher m = PARAM.matcher(segment);
      if (m.matches()) {
        List<String> values = params.get(m.group(1));
        ids.add(values == null || values.isEmpty() ? "" : values.get(0));
      } else if (ids.isEmpty() && !segment.isEmpty()) {
        type = segment;
      }
    }
    if (!ids.isEmpty()) {
      return new Target(type, String.join("/", ids));
    }
    if (location != null && type != null) {
      String id = location.substring(location.lastIndexOf('/') + 1);
      return id.isEmpty() ? null : new Target(type, id);
    }
    return null;
  }
}
