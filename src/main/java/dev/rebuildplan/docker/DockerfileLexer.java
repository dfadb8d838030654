package dev.rebuildplan.docker;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits Dockerfile text into instructions, as BuildKit's parser does: parser directives at the
 * top, comments, blank lines, line continuations (with comments and blank lines inside them) and
 * heredoc bodies, which are skipped.
 */
final class DockerfileLexer {
  private static final Pattern DIRECTIVE =
      Pattern.compile("#\\s*([A-Za-z][A-Za-z0-9]*)\\s*=\\s*(.*?)\\s*");
  private static final Pattern HEREDOC = Pattern.compile("\\d*<<(-?)([\"']?)([^\"'\\s<>]+)\\2");
  private static final ImmutableSet<String> KNOWN_DIRECTIVES =
      ImmutableSet.of("syntax", "escape", "check");
  private static final ImmutableSet<String> HEREDOC_INSTRUCTIONS =
      ImmutableSet.of("RUN", "COPY", "ADD");

  /** One instruction: its keyword in upper case, its arguments, and the line it starts on. */
  record Instruction(String keyword, String arguments, int line) {}

  /** The instructions of a file, the escape character it chose, and what could not be read. */
  record Lexed(
      ImmutableList<Instruction> instructions, char escape, ImmutableList<Problem> problems) {}

  private final String fileName;
  private final String[] lines;
  private final List<Instruction> instructions = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private char escape = '\\';
  private int next;

  private DockerfileLexer(String fileName, String text) {
    this.fileName = fileName;
    this.lines = text.replaceFirst("^\uFEFF", "").split("\r?\n", -1);
  }

  static Lexed lex(String fileName, String text) {
    DockerfileLexer lexer = new DockerfileLexer(fileName, text);
    lexer.readDirectives();
    while (lexer.next < lexer.lines.length) {
      lexer.readInstruction();
    }
    return new Lexed(
        ImmutableList.copyOf(lexer.instructions),
        lexer.escape,
        ImmutableList.copyOf(lexer.problems));
  }

  /** Whether a word of a RUN, COPY or ADD instruction opens a heredoc, such as {@code <<-"EOF"}. */
  static boolean isHeredoc(String word) {
    return HEREDOC.matcher(word).matches();
  }

  private void readDirectives() {
    for (; next < lines.length; next++) {
      Matcher directive = DIRECTIVE.matcher(lines[next]);
      if (!directive.matches()) {
        return;
      }
      String name = directive.group(1).toLowerCase(Locale.ROOT);
      if (!KNOWN_DIRECTIVES.contains(name)) {
        return; // an unknown directive is a comment, and directives stop at the first comment
      }
      if (name.equals("escape")) {
        readEscape(directive.group(2));
      }
    }
  }

  private void readEscape(String value) {
    if (value.equals("`") || value.equals("\\")) {
      escape = value.charAt(0);
    } else {
      problem(next + 1, "escape directive must be '\\' or '`', not '" + value + "'");
    }
  }

  private void readInstruction() {
    if (isSkippable(lines[next])) {
      next++;
      return;
    }
    int start = next + 1;
    String logical = readLogicalLine();
    String trimmed = logical.strip();
    if (trimmed.isEmpty()) {
      return; // a lone continuation, nothing to build
    }
    int space = firstWhitespace(trimmed);
    String keyword = trimmed.substring(0, space).toUpperCase(Locale.ROOT);
    String arguments = trimmed.substring(space).strip();
    instructions.add(new Instruction(keyword, arguments, start));
    if (HEREDOC_INSTRUCTIONS.contains(keyword) && !arguments.startsWith("[")) {
      skipHeredocBodies(arguments, start);
    }
  }

  private String readLogicalLine() {
    StringBuilder logical = new StringBuilder();
    while (next < lines.length) {
      String line = lines[next++];
      int end = continuationStart(line);
      if (end < 0) {
        return logical.append(line).toString();
      }
      logical.append(line, 0, end);
      while (next < lines.length && isSkippable(lines[next])) {
        next++;
      }
    }
    return logical.toString();
  }

  /** Where the escape character that continues a line sits, or -1 when the line ends there. */
  private int continuationStart(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
      end--;
    }
    return end > 0 && line.charAt(end - 1) == escape ? end - 1 : -1;
  }

  private void skipHeredocBodies(String arguments, int start) {
    for (String word : arguments.split("\\s+")) {
      Matcher heredoc = HEREDOC.matcher(word);
      if (heredoc.matches() && !skipBody(heredoc.group(3), !heredoc.group(1).isEmpty())) {
        problem(start, "heredoc <<" + heredoc.group(3) + " is never terminated");
        return;
      }
    }
  }

  private boolean skipBody(String terminator, boolean stripTabs) {
    while (next < lines.length) {
      String line = lines[next++];
      if ((stripTabs ? line.replaceFirst("^\t+", "") : line).equals(terminator)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSkippable(String line) {
    String trimmed = line.strip();
    return trimmed.isEmpty() || trimmed.startsWith("#");
  }

  private static int firstWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return text.length();
  }

  private void problem(int line, String message) {
    problems.add(new Problem(fileName, line, message));
  }
}
