package dev.rebuildplan.docker;

import com.google.common.collect.ImmutableList;
import java.util.HashMap;
import java.util.Map;

/**
 * The ARG values in force: those declared before the first FROM (for FROM lines), and those
 * declared in the current stage (for its COPY sources), build args overriding defaults.
 */
final class ArgScope {
  // TODO: ENV values are not tracked, so a COPY source using an ENV variable is reported as
  // unresolvable and makes the whole context an input; track ENV per stage, inherited via FROM.
  private final Map<String, String> buildArgs;
  private final char escape;
  private final Map<String, String> globals = new HashMap<>();
  private final Map<String, String> stage = new HashMap<>();

  ArgScope(Map<String, String> buildArgs, char escape) {
    this.buildArgs = buildArgs;
    this.escape = escape;
  }

  /** Declares the ARGs of an ARG line before the first FROM. */
  void declareGlobal(String arguments) {
    for (String declaration : words(arguments)) {
      declare(globals, declaration, null);
    }
  }

  /** Forgets the previous stage's ARGs, as each stage starts with none. */
  void startStage() {
    stage.clear();
  }

  /** Declares the ARGs of an ARG line inside a stage; a bare name takes the global value. */
  void declareInStage(String arguments) {
    for (String declaration : words(arguments)) {
      declare(stage, declaration, globals);
    }
  }

  VariableExpander globalExpander() {
    return new VariableExpander(globals, escape);
  }

  VariableExpander stageExpander() {
    return new VariableExpander(stage, escape);
  }

  private void declare(Map<String, String> scope, String declaration, Map<String, String> outer) {
    int equals = declaration.indexOf('=');
    String name = equals < 0 ? declaration : declaration.substring(0, equals);
    String value = buildArgs.get(name);
    if (value == null && equals >= 0) {
      value = expandOrNull(scope, unquote(declaration.substring(equals + 1)));
    } else if (value == null && outer != null) {
      value = outer.get(name);
    }
    if (value == null) {
      scope.remove(name); // declared without a known value: unset, as in Docker
    } else {
      scope.put(name, value);
    }
  }

  private String expandOrNull(Map<String, String> scope, String word) {
    try {
      return new VariableExpander(scope, escape).expand(word);
    } catch (VariableExpander.UnresolvedException e) {
      return null; // reported only if a FROM or COPY needs the value
    }
  }

  /** Splits on whitespace outside quotes, keeping the quotes. */
  static ImmutableList<String> words(String text) {
    ImmutableList.Builder<String> words = ImmutableList.builder();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    for (char c : text.toCharArray()) {
      if (quote == 0 && Character.isWhitespace(c)) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
        continue;
      }
      if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      }
      word.append(c);
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words.build();
  }

  private static String unquote(String value) {
    boolean quoted =
        value.length() >= 2
            && (value.charAt(0) == '"' || value.charAt(0) == '\'')
            && value.charAt(value.length() - 1) == value.charAt(0);
    return quoted ? value.substring(1, value.length() - 1) : value;
  }
}
