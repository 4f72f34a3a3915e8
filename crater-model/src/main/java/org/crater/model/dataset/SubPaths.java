package org.crater.model.dataset;

/**
 * Rules for directories inside a volume, as Kubernetes takes them in a mount's {@code subPath}:
 * relative, '/'-separated, no empty, '.' or '..' segment, so a path can never climb out of the
 * directory it names. The empty path is the whole volume.
 */
public final class SubPaths {

  public static final int MAX_LENGTH = 1024;

  private SubPaths() {}

  /** Whether the path is empty or a clean relative path of at most {@link #MAX_LENGTH} chars. */
  public static boolean isClean(String path) {
    if (path == null || path.length() > MAX_LENGTH || path.indexOf('\\') >= 0) {
      return false;
    }
    if (path.isEmpty()) {
      return true;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /** Whether the clean path {@code path} is the directory {@code root} or lies inside it. */
  public static boolean isWithin(String path, String root) {
    return root.isEmpty() || path.equals(root) || path.startsWith(root + "/");
  }
}
