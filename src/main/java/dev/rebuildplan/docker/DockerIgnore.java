package dev.rebuildplan.docker;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of a {@code .dockerignore} file, read and matched the way moby's pattern matcher does.
 *
 * <ul>
 *   <li>a line starting with {@code #} is a comment; blank lines are skipped; each line is trimmed;
 *   <li>a pattern is cleaned like Go's {@code path.Clean}, and a leading {@code /} is dropped;
 *   <li>{@code *}, {@code ?} and {@code [...]} stay within a segment; {@code **} spans segments;
 *   <li>a pattern matches a path when it matches the path or any folder above it;
 *   <li>a {@code !} line is an exception, and the last line that matches decides.
 * </ul>
 */
public final class DockerIgnore {
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  private final ImmutableList<Rule> rules;
  private final ImmutableList<Problem> problems;

  /**
   * One usable line of the file: a compiled pattern, and whether it re-includes what it matches.
   */
  record Rule(String pattern, boolean exception, int line, Pattern regex) {}

  private DockerIgnore(ImmutableList<Rule> rules, ImmutableList<Problem> problems) {
    this.rules = rules;
    this.problems = problems;
  }

  /** An ignore file that ignores nothing, for a context that has none. */
  public static DockerIgnore empty() {
    return new DockerIgnore(ImmutableList.of(), ImmutableList.of());
  }

  /** Reads a {@code .dockerignore} file's text; see {@link #parse(String, String)}. */
  public static DockerIgnore parse(String text) {
    return parse(".dockerignore", text);
  }

  /**
   * Reads an ignore file's text. A malformed pattern becomes a {@link Problem} and is left out, so
   * that the file ignores less, never more.
   */
  public static DockerIgnore parse(String fileName, String text) {
    ImmutableList.Builder<Rule> rules = ImmutableList.builder();
    ImmutableList.Builder<Problem> problems = ImmutableList.builder();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = i == 0 ? lines[0].replaceFirst("^" + BYTE_ORDER_MARK, "") : lines[i];
      try {
        parseLine(line, i + 1).ifPresent(rules::add);
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(fileName, i + 1, e.getMessage()));
      }
    }
    return new DockerIgnore(rules.build(), problems.build());
  }

  private static Optional<Rule> parseLine(String line, int number) {
    // Only a '#' in the first column starts a comment: moby checks before trimming.
    String pattern = line.startsWith("#") ? "" : line.strip();
    if (pattern.isEmpty()) {
      return Optional.empty();
    }
    boolean exception = pattern.startsWith("!");
    if (exception) {
      pattern = pattern.substring(1).strip();
      if (pattern.isEmpty()) {
        throw new IllegalArgumentException("'!' alone is not a pattern");
      }
    }
    pattern = GoPath.clean(pattern);
    if (pattern.length() > 1 && pattern.startsWith("/")) {
      pattern = pattern.substring(1);
    }
    return Optional.of(new Rule(pattern, exception, number, GoGlob.compilePath(pattern)));
  }

  /**
   * Lists the ignore files that may apply to a build, first found wins: {@code
   * <dockerfile>.dockerignore} beside the Dockerfile, then {@code .dockerignore} at the context's
   * root. Paths are relative to the context, as is the Dockerfile path given.
   */
  public static ImmutableList<String> candidateFiles(String dockerfilePath) {
    String dockerfile = GoPath.clean(dockerfilePath);
    return ImmutableList.of(dockerfile + ".dockerignore", ".dockerignore");
  }

  /** Whether a context-relative, '/'-separated path is left out of the build context. */
  public boolean isIgnored(String relativePath) {
    if (rules.isEmpty()) {
      return false;
    }
    String path = GoPath.withinContext(relativePath);
    if (path.isEmpty()) {
      return false;
    }
    ImmutableList<String> candidates = pathAndParents(path);
    boolean ignored = false;
    for (Rule rule : rules) {
      // Like moby: an exception can only undo a match, and an exclusion only add one.
      if (rule.exception() != ignored) {
        continue;
      }
      if (candidates.stream().anyMatch(candidate -> rule.regex().matcher(candidate).matches())) {
        ignored = !rule.exception();
      }
    }
    return ignored;
  }

  private static ImmutableList<String> pathAndParents(String path) {
    ImmutableList.Builder<String> candidates = ImmutableList.<String>builder().add(path);
    for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      candidates.add(path.substring(0, slash));
    }
    return candidates.build();
  }

  /** The patterns that were malformed and so left out. */
  public ImmutableList<Problem> problems() {
    return problems;
  }

  /** The usable lines, in file order. */
  ImmutableList<Rule> rules() {
    return rules;
  }
}
