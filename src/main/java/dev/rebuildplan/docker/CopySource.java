package dev.rebuildplan.docker;

import com.google.common.collect.ImmutableList;
import java.util.regex.Pattern;

/**
 * A COPY or ADD source, matched against paths relative to the build context.
 *
 * <ul>
 *   <li>{@code .}, {@code ./} or {@code /} is the whole context;
 *   <li>a path such as {@code packages/utils} is that file or everything under that folder;
 *   <li>each segment is a {@code filepath.Match} glob ({@code *}, {@code ?}, {@code [...]}), and a
 *       folder a glob matches brings everything under it; {@code **} is no more than {@code *};
 *   <li>leading {@code /}, {@code ./} and {@code ..} are cleaned away, as BuildKit keeps sources
 *       inside the context.
 * </ul>
 */
public final class CopySource {
  private final String pattern;
  private final ImmutableList<Pattern> segments;

  private CopySource(String pattern, ImmutableList<Pattern> segments) {
    this.pattern = pattern;
    this.segments = segments;
  }

  /**
   * Compiles a source as written in a COPY or ADD instruction.
   *
   * @throws IllegalArgumentException when a segment is a malformed glob
   */
  public static CopySource of(String pattern) {
    String cleaned = GoPath.withinContext(pattern);
    if (cleaned.isEmpty()) {
      return new CopySource(pattern, ImmutableList.of());
    }
    ImmutableList.Builder<Pattern> segments = ImmutableList.builder();
    for (String segment : cleaned.split("/")) {
      segments.add(GoGlob.compileSegment(segment));
    }
    return new CopySource(pattern, segments.build());
  }

  /**
   * Whether the source lies under a context-relative folder: {@code lib/f} and {@code lib/*.txt}
   * lie under {@code lib}. A change that names such a folder is a submodule bump.
   */
  public boolean liesUnder(String folder) {
    String cleaned = GoPath.withinContext(pattern);
    return !folder.isEmpty() && cleaned.startsWith(folder + "/");
  }

  /** The source as written. */
  public String pattern() {
    return pattern;
  }

  /** Whether the source is the whole build context. */
  public boolean isWholeContext() {
    return segments.isEmpty();
  }

  /** Whether a context-relative, '/'-separated path is this source or lies under it. */
  public boolean matches(String path) {
    if (isWholeContext()) {
      return true;
    }
    String cleaned = GoPath.withinContext(path);
    if (cleaned.isEmpty()) {
      return isWholeContext();
    }
    String[] parts = cleaned.split("/");
    if (parts.length < segments.size()) {
      return false;
    }
    for (int i = 0; i < segments.size(); i++) {
      if (!segments.get(i).matcher(parts[i]).matches()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return pattern;
  }
}
