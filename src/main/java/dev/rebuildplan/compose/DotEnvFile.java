package dev.rebuildplan.compose;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project folder's {@code .env} file, whose {@code KEY=VALUE} lines are defaults under the
 * invocation's environment, both for interpolation and for variables such as {@code COMPOSE_FILE}.
 */
final class DotEnvFile {
  static final String NAME = ".env";

  private static final Pattern EXPORT = Pattern.compile("export\\s+");
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");
  private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s#");

  private final String file;
  private final ImmutableMap<String, String> environment;
  private final List<ComposeProblem> problems;
  private final Map<String, String> values = new LinkedHashMap<>();

  private DotEnvFile(
      String file, ImmutableMap<String, String> environment, List<ComposeProblem> problems) {
    this.file = file;
    this.environment = environment;
    this.problems = problems;
  }

  /**
   * Returns {@code invocation} with the values of its {@code .env} file added under its own
   * environment, which wins; unchanged when there is no such file. Bad lines go to {@code
   * problems}.
   */
  static ComposeInvocation applyTo(
      ProjectFiles files, ComposeInvocation invocation, List<ComposeProblem> problems) {
    String path = RepoPaths.resolve(projectFolder(invocation), NAME).orElseThrow();
    Optional<String> text = files.read(path);
    if (text.isEmpty()) {
      return invocation;
    }
    Map<String, String> merged =
        new HashMap<>(parse(path, text.get(), invocation.environment(), problems));
    merged.putAll(invocation.environment());
    return invocation.withEnvironment(merged);
  }

  /**
   * Returns the folder Compose reads {@code .env} from: that of the first {@code -f} file when
   * files are given, else the invocation's folder.
   */
  private static String projectFolder(ComposeInvocation invocation) {
    if (invocation.files().isEmpty()) {
      return invocation.folder();
    }
    return RepoPaths.resolve(invocation.folder(), invocation.files().get(0))
        .map(RepoPaths::parent)
        .orElse(invocation.folder());
  }

  /**
   * Returns the variables {@code text} defines, in order. Unquoted and double-quoted values are
   * interpolated from {@code environment}, then from the lines above; single-quoted ones are kept
   * literally.
   */
  static ImmutableMap<String, String> parse(
      String file,
      String text,
      ImmutableMap<String, String> environment,
      List<ComposeProblem> problems) {
    DotEnvFile reader = new DotEnvFile(file, environment, problems);
    List<String> lines = text.lines().toList();
    for (int index = 0; index < lines.size(); index++) {
      reader.readLine(index + 1, lines.get(index));
    }
    return ImmutableMap.copyOf(reader.values);
  }

  private void readLine(int lineNumber, String line) {
    String content = line.strip();
    if (content.isEmpty() || content.startsWith("#")) {
      return;
    }
    Matcher export = EXPORT.matcher(content);
    if (export.lookingAt()) {
      content = content.substring(export.end());
    }
    int equals = content.indexOf('=');
    String key = (equals < 0 ? content : content.substring(0, equals)).strip();
    if (!KEY.matcher(key).matches()) {
      problem(lineNumber, 1, "invalid line: expected KEY=VALUE, got \"" + line.strip() + "\"");
      return;
    }
    if (equals < 0) {
      // A bare key takes the environment's value, as Compose's parser does.
      Optional.ofNullable(environment.get(key)).ifPresent(value -> values.put(key, value));
      return;
    }
    int valueColumn = line.indexOf(content) + equals + 2;
    readValue(lineNumber, valueColumn, key, content.substring(equals + 1).strip())
        .ifPresent(value -> values.put(key, value));
  }

  private Optional<String> readValue(int lineNumber, int column, String key, String raw) {
    if (raw.startsWith("'") || raw.startsWith("\"")) {
      char quote = raw.charAt(0);
      int end = closingQuote(raw, quote);
      if (end < 0) {
        problem(
            lineNumber,
            column,
            "invalid value of " + key + ": the " + quote + " quote is not closed on its line");
        return Optional.empty();
      }
      String rest = raw.substring(end + 1).strip();
      if (!rest.isEmpty() && !rest.startsWith("#")) {
        problem(lineNumber, column, "invalid value of " + key + ": text after the closing quote");
        return Optional.empty();
      }
      String quoted = raw.substring(1, end);
      return Optional.of(
          quote == '\''
              ? quoted.replace("\\'", "'")
              : interpolate(lineNumber, column, unescape(quoted)));
    }
    Matcher comment = TRAILING_COMMENT.matcher(raw);
    String value = comment.find() ? raw.substring(0, comment.start()).strip() : raw;
    return Optional.of(interpolate(lineNumber, column, value));
  }

  /** Returns the index of the quote closing the one at 0, skipping escaped ones, or -1. */
  private static int closingQuote(String raw, char quote) {
    for (int index = 1; index < raw.length(); index++) {
      char current = raw.charAt(index);
      if (current == '\\') {
        index++;
      } else if (current == quote) {
        return index;
      }
    }
    return -1;
  }

  /** Resolves the escapes of a double-quoted value: \n, \r, \t, \\ and \". */
  private static String unescape(String quoted) {
    StringBuilder result = new StringBuilder();
    for (int index = 0; index < quoted.length(); index++) {
      char current = quoted.charAt(index);
      if (current != '\\' || index + 1 == quoted.length()) {
        result.append(current);
        continue;
      }
      char escaped = quoted.charAt(++index);
      switch (escaped) {
        case 'n' -> result.append('\n');
        case 'r' -> result.append('\r');
        case 't' -> result.append('\t');
        case '\\', '"' -> result.append(escaped);
        default -> result.append('\\').append(escaped);
      }
    }
    return result.toString();
  }

  private String interpolate(int lineNumber, int column, String value) {
    Map<String, String> lookup = new HashMap<>(values);
    lookup.putAll(environment);
    List<String> messages = new ArrayList<>();
    String result = new Interpolator(ImmutableMap.copyOf(lookup)).interpolate(value, messages);
    messages.forEach(message -> problem(lineNumber, column, message));
    return result;
  }

  private void problem(int lineNumber, int column, String message) {
    problems.add(new ComposeProblem(file, lineNumber, column, message));
  }
}
