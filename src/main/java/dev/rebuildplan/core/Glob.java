package dev.rebuildplan.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path glob anchored at the rules' root.
 *
 * <ul>
 *   <li>{@code *} matches any characters within one path segment, never {@code /};
 *   <li>{@code ?} matches one character other than {@code /};
 *   <li>{@code **} as a whole segment matches zero or more segments; as the last segment it matches
 *       everything under the folder before it, not the folder itself;
 *   <li>{@code {name}} matches one or more characters within a segment and captures them;
 *   <li>a pattern ending in {@code /} means everything under that folder;
 *   <li>everything else is literal, so {@code packages/**} does not match {@code packages-old/x}.
 * </ul>
 */
public final class Glob {
  private static final Pattern CAPTURE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

  private final String pattern;
  private final Pattern regex;
  private final ImmutableList<String> captures;
  private final String literalPrefix;

  private Glob(String pattern, Pattern regex, ImmutableList<String> captures, String prefix) {
    this.pattern = pattern;
    this.regex = regex;
    this.captures = captures;
    this.literalPrefix = prefix;
  }

  /**
   * Compiles a glob.
   *
   * @throws IllegalArgumentException when the pattern is empty, absolute, or has a malformed
   *     capture
   */
  public static Glob compile(String pattern) {
    if (pattern.isEmpty()) {
      throw new IllegalArgumentException("empty pattern");
    }
    if (pattern.startsWith("/")) {
      throw new IllegalArgumentException(
          "'" + pattern + "' starts with '/'; patterns are relative to the rules' root");
    }
    String normalized = pattern.endsWith("/") ? pattern + "**" : pattern;
    List<String> captures = new ArrayList<>();
    String regex = toRegex(normalized, captures);
    return new Glob(
        pattern,
        Pattern.compile(regex, Pattern.DOTALL),
        ImmutableList.copyOf(captures),
        literalPrefix(normalized));
  }

  private static String toRegex(String glob, List<String> captures) {
    StringBuilder regex = new StringBuilder();
    String[] segments = glob.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      if (segment.equals("**")) {
        // "a/**" matches everything under a, not a itself (as GlobIndex assumes: its prefix is
        // "a/"); "**/b" and "a/**/b" match b at any depth below, zero folders included.
        regex.append(last ? (i == 0 ? ".*" : "/.*") : (i == 0 ? "(?:.*/)?" : "(?:/.*)?/"));
        continue;
      }
      if (segment.isEmpty() && !last) {
        throw new IllegalArgumentException("'" + glob + "' has an empty path segment ('//')");
      }
      if (i > 0 && !segments[i - 1].equals("**")) {
        regex.append('/');
      }
      appendSegment(glob, segment, regex, captures);
    }
    return regex.toString();
  }

  private static void appendSegment(
      String glob, String segment, StringBuilder regex, List<String> captures) {
    if (segment.contains("**")) {
      throw new IllegalArgumentException(
          "'" + glob + "': '**' must be a whole path segment, as in 'a/**/b'");
    }
    int i = 0;
    while (i < segment.length()) {
      char c = segment.charAt(i);
      if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else if (c == '{') {
        int close = segment.indexOf('}', i);
        String name = close < 0 ? "" : segment.substring(i + 1, close);
        if (!CAPTURE_NAME.matcher(name).matches()) {
          throw new IllegalArgumentException(
              "'" + glob + "': a capture is written {name}, letters and digits only");
        }
        if (captures.contains(name)) {
          throw new IllegalArgumentException("'" + glob + "' captures {" + name + "} twice");
        }
        captures.add(name);
        regex.append("(?<").append(name).append(">[^/]+)");
        i = close;
      } else if (c == '}') {
        throw new IllegalArgumentException("'" + glob + "' has a '}' without its '{'");
      } else {
        // Quote whole code points: a surrogate half quoted alone never matches its letter.
        int codePoint = segment.codePointAt(i);
        regex.append(Pattern.quote(Character.toString(codePoint)));
        i += Character.charCount(codePoint) - 1;
      }
      i++;
    }
  }

  /** The longest leading run of whole literal segments, each followed by '/', or "". */
  private static String literalPrefix(String glob) {
    int end = 0;
    int slash;
    while ((slash = glob.indexOf('/', end)) >= 0) {
      String segment = glob.substring(end, slash);
      if (!isLiteral(segment)) {
        break;
      }
      end = slash + 1;
    }
    if (end < glob.length() && glob.indexOf('/', end) < 0 && isLiteral(glob.substring(end))) {
      return glob; // the whole pattern is one literal path
    }
    return glob.substring(0, end);
  }

  private static boolean isLiteral(String segment) {
    return segment.chars().noneMatch(c -> c == '*' || c == '?' || c == '{' || c == '}');
  }

  /**
   * A glob that matches exactly one path, whatever characters it holds: no wildcard is read in it.
   * Paths taken from files (a Dockerfile's name, a build context) become globs this way.
   */
  public static Glob literal(String path) {
    if (path.isEmpty() || path.startsWith("/")) {
      throw new IllegalArgumentException("'" + path + "' is not a relative path");
    }
    return new Glob(path, Pattern.compile(Pattern.quote(path)), ImmutableList.of(), path);
  }

  /** Everything under this glob's path, which must be an exact folder path ending in '/'. */
  public Glob under() {
    if (!literalPrefix.equals(pattern) || !pattern.endsWith("/")) {
      throw new IllegalStateException(
          "'" + pattern + "' is not an exact folder path ending in '/'");
    }
    return new Glob(
        pattern + "**",
        Pattern.compile(Pattern.quote(literalPrefix) + ".+", Pattern.DOTALL),
        captures,
        literalPrefix);
  }

  /** Matches a path; the result holds the captures, empty when the path does not match. */
  public Optional<ImmutableMap<String, String>> match(String path) {
    Matcher matcher = regex.matcher(path);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    if (captures.isEmpty()) {
      return Optional.of(ImmutableMap.of());
    }
    ImmutableMap.Builder<String, String> values = ImmutableMap.builder();
    for (String name : captures) {
      values.put(name, matcher.group(name));
    }
    return Optional.of(values.buildOrThrow());
  }

  public boolean matches(String path) {
    return regex.matcher(path).matches();
  }

  public ImmutableList<String> captures() {
    return captures;
  }

  /**
   * The literal start every matching path shares: whole folders ending in '/', or the whole pattern
   * when it has no wildcard. Used to index rules without testing each against each path.
   */
  public String literalPrefix() {
    return literalPrefix;
  }

  /** Whether the pattern has no wildcard, so that only one exact path can match it. */
  public boolean isExactPath() {
    return literalPrefix.equals(pattern) && !pattern.endsWith("/");
  }

  @Override
  public String toString() {
    return pattern;
  }
}
