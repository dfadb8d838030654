package dev.rebuildplan.docker;

import java.util.regex.Pattern;

/**
 * Translates Go-style globs ({@code filepath.Match}: {@code *}, {@code ?}, {@code [...]} and {@code
 * \} escapes) into Java regular expressions, optionally with moby's {@code **}.
 */
final class GoGlob {
  private final String glob;
  private final boolean doubleStar;
  private final StringBuilder regex = new StringBuilder();
  private int position;

  private GoGlob(String glob, boolean doubleStar) {
    this.glob = glob;
    this.doubleStar = doubleStar;
  }

  /**
   * Compiles a glob for one path segment, as {@code filepath.Match} reads it.
   *
   * @throws IllegalArgumentException when the glob is malformed
   */
  static Pattern compileSegment(String glob) {
    return new GoGlob(glob, false).compile();
  }

  /**
   * Compiles a glob for a whole path, where {@code **} also spans segments as moby's pattern
   * matcher reads it: {@code **}{@code /} matches any number of leading folders, a final {@code **}
   * anything.
   *
   * @throws IllegalArgumentException when the glob is malformed
   */
  static Pattern compilePath(String glob) {
    return new GoGlob(glob, true).compile();
  }

  /**
   * Whether the text has a character that makes it more than a literal to {@code filepath.Match}.
   */
  static boolean hasMeta(String text) {
    return text.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '\\');
  }

  private Pattern compile() {
    while (position < glob.length()) {
      char c = glob.charAt(position++);
      switch (c) {
        case '*' -> appendStar();
        case '?' -> regex.append("[^/]");
        case '[' -> appendClass();
        case '\\' -> regex.append(literal(escapedChar()));
        default -> regex.append(literal(c));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private void appendStar() {
    if (!doubleStar || !lookingAt('*')) {
      regex.append("[^/]*");
      return;
    }
    position++;
    if (lookingAt('/')) {
      position++;
    }
    regex.append(position == glob.length() ? ".*" : "(?:.*/)?");
  }

  private void appendClass() {
    regex.append('[');
    if (lookingAt('^')) {
      position++;
      regex.append('^');
    }
    int ranges = 0;
    while (!lookingAt(']')) {
      char low = classChar();
      regex.append(literal(low));
      if (lookingAt('-')) {
        position++;
        char high = classChar();
        if (high < low) {
          throw bad("range " + low + "-" + high + " is reversed");
        }
        regex.append('-').append(literal(high));
      }
      ranges++;
    }
    position++;
    if (ranges == 0) {
      throw bad("empty character class");
    }
    regex.append(']');
  }

  private char classChar() {
    if (position >= glob.length()) {
      throw bad("unclosed character class");
    }
    char c = glob.charAt(position++);
    if (c == '\\') {
      return escapedChar();
    }
    if (c == '-' || c == ']') {
      throw bad("unexpected '" + c + "' in a character class");
    }
    return c;
  }

  private char escapedChar() {
    if (position >= glob.length()) {
      throw bad("ends with an escape character");
    }
    return glob.charAt(position++);
  }

  private boolean lookingAt(char c) {
    return position < glob.length() && glob.charAt(position) == c;
  }

  private static String literal(char c) {
    return String.format("\\x{%x}", (int) c);
  }

  private IllegalArgumentException bad(String why) {
    return new IllegalArgumentException("bad pattern '" + glob + "': " + why);
  }
}
