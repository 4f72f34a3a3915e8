package org.crater.ejb.job;

import java.util.Optional;

/**
 * Rules for paths inside a job's containers (mount paths, the working directory): absolute and
 * clean — no empty, {@code .} or {@code ..} segment, no NUL, no {@code :} (a volume separator to
 * container runtimes). Mounts may not cover the root, the system directories ({@code /dev}, {@code
 * /proc}, {@code /sys}) or {@code /dev/shm}, which Crater mounts itself. Pure.
 */
final class ContainerPaths {

  private static final String SHM = "/dev/shm";
  private static final String[] SYSTEM = {"/dev", "/proc", "/sys"};

  private ContainerPaths() {}

  /** Why {@code path} cannot be a working directory; empty when it can. */
  static Optional<String> workingDirRefusal(String path) {
    return cleanAbsoluteRefusal(path);
  }

  /** Why {@code path} cannot be a mount path; empty when it can. */
  static Optional<String> mountPathRefusal(String path) {
    Optional<String> unclean = cleanAbsoluteRefusal(path);
    if (unclean.isPresent()) {
      return unclean;
    }
    if (path.equals("/")) {
      return Optional.of("must not be the root directory");
    }
    if (within(path, SHM)) {
      return Optional.of("must not be " + SHM + ": Crater mounts shared memory there");
    }
    for (String system : SYSTEM) {
      if (within(path, system)) {
        return Optional.of("must not be in /dev, /proc or /sys, which the container runtime fills");
      }
    }
    return Optional.empty();
  }

  private static boolean within(String path, String directory) {
    return path.equals(directory) || path.startsWith(directory + "/");
  }

  private static Optional<String> cleanAbsoluteRefusal(String path) {
    if (path == null || path.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (path.chars().anyMatch(Character::isISOControl)) {
      return Optional.of("must not contain control characters");
    }
    if (path.indexOf(':') >= 0 || path.indexOf('\\') >= 0) {
      return Optional.of("must not contain ':' or '\\'");
    }
    if (!path.startsWith("/")) {
      return Optional.of("must be an absolute path (e.g. /data)");
    }
    if (path.length() > 1) {
      for (String segment : path.substring(1).split("/", -1)) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
          return Optional.of("must be a clean path: no empty, '.' or '..' segment");
        }
      }
    }
    return Optional.empty();
  }
}
