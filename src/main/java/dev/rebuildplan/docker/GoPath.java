package dev.rebuildplan.docker;

import java.util.ArrayDeque;
import java.util.Deque;

/** Lexical path cleaning with the rules of Go's {@code path.Clean}, which Docker applies. */
final class GoPath {
  private GoPath() {}

  /**
   * Returns the shortest equivalent of a '/'-separated path: repeated slashes collapse, {@code .}
   * segments go, {@code ..} removes the segment before it (or vanishes at the root), a trailing
   * slash goes, and an empty result is {@code "."}.
   */
  static String clean(String path) {
    boolean rooted = path.startsWith("/");
    Deque<String> kept = new ArrayDeque<>();
    for (String segment : path.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (!segment.equals("..")) {
        kept.addLast(segment);
      } else if (!kept.isEmpty() && !kept.peekLast().equals("..")) {
        kept.removeLast();
      } else if (!rooted) {
        kept.addLast("..");
      }
    }
    String joined = String.join("/", kept);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  /**
   * Cleans a path as if it were below the build context's root, so {@code ../x}, {@code /x} and
   * {@code ./x} all become {@code x}, and the root itself becomes {@code ""}.
   */
  static String withinContext(String path) {
    // Paths from git are already clean; this check keeps 100,000 of them from being rebuilt.
    return isCleanRelative(path) ? path : clean("/" + path).substring(1);
  }

  /** Whether a path has no empty, "." or ".." segment, so cleaning it changes nothing. */
  private static boolean isCleanRelative(String path) {
    int start = 0;
    while (start <= path.length()) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? path.length() : slash;
      int length = end - start;
      if (length == 0
          || (length == 1 && path.charAt(start) == '.')
          || (length == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.')) {
        return false;
      }
      start = end + 1;
    }
    return true;
  }
}
