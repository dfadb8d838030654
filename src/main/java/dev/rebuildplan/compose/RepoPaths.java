package dev.rebuildplan.compose;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Repository-relative paths: '/'-separated, normalized, and "." for the repository root. */
final class RepoPaths {
  static final String ROOT = ".";

  private RepoPaths() {}

  /**
   * Resolves {@code relative} against the folder {@code base}, or returns empty when the result
   * leaves the repository or {@code relative} is absolute.
   */
  static Optional<String> resolve(String base, String relative) {
    String path = relative.replace('\\', '/');
    if (path.startsWith("/") || path.matches("[A-Za-z]:/.*")) {
      return Optional.empty();
    }
    return normalize(base + "/" + path);
  }

  /** Returns the folder holding {@code path}: "." for a top-level entry. */
  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? ROOT : path.substring(0, slash);
  }

  /** Returns the last segment of {@code path}; for the root, the root itself. */
  static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Normalizes a path from the repository root, or returns empty when it climbs above it. */
  static Optional<String> normalize(String path) {
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : path.replace('\\', '/').split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (!segment.equals("..")) {
        segments.addLast(segment);
      } else if (segments.pollLast() == null) {
        return Optional.empty();
      }
    }
    return Optional.of(segments.isEmpty() ? ROOT : String.join("/", segments));
  }

  /** Returns the path that leads from the folder {@code from} to {@code path}, both normalized. */
  static String relativize(String from, String path) {
    List<String> fromSegments = segments(from);
    List<String> pathSegments = segments(path);
    int common = 0;
    while (common < fromSegments.size()
        && common < pathSegments.size()
        && fromSegments.get(common).equals(pathSegments.get(common))) {
      common++;
    }
    List<String> result = new ArrayList<>();
    fromSegments.subList(common, fromSegments.size()).forEach(segment -> result.add(".."));
    result.addAll(pathSegments.subList(common, pathSegments.size()));
    return result.isEmpty() ? ROOT : String.join("/", result);
  }

  private static List<String> segments(String path) {
    return path.equals(ROOT) ? List.of() : List.of(path.split("/"));
  }
}
