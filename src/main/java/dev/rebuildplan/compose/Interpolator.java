package dev.rebuildplan.compose;

import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Substitutes {@code $VAR} and {@code ${VAR...}} in compose values the way Compose does: {@code :-}
 * and {@code -} give defaults, {@code :+} and {@code +} replacements, {@code :?} and {@code ?} mark
 * required variables, and {@code $$} is a literal dollar.
 */
final class Interpolator {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern OPERATOR = Pattern.compile(":-|-|:\\+|\\+|:\\?|\\?");

  private final ImmutableMap<String, String> environment;

  Interpolator(ImmutableMap<String, String> environment) {
    this.environment = environment;
  }

  /**
   * Returns {@code text} with its variables substituted; unresolved ones go to {@code problems}.
   */
  String interpolate(String text, List<String> problems) {
    StringBuilder result = new StringBuilder();
    int index = 0;
    while (index < text.length()) {
      char current = text.charAt(index);
      if (current != '$' || index + 1 == text.length()) {
        result.append(current);
        index++;
      } else {
        index = substitute(text, index, result, problems);
      }
    }
    return result.toString();
  }

  /** Substitutes the expression starting at the '$' at {@code start}; returns where it ends. */
  private int substitute(String text, int start, StringBuilder result, List<String> problems) {
    char next = text.charAt(start + 1);
    if (next == '$') {
      result.append('$');
      return start + 2;
    }
    if (next == '{') {
      return substituteBraced(text, start, result, problems);
    }
    Matcher name = NAME.matcher(text).region(start + 1, text.length());
    if (!name.lookingAt()) {
      result.append('$');
      return start + 1;
    }
    result.append(valueOf(name.group(), problems));
    return name.end();
  }

  private int substituteBraced(
      String text, int start, StringBuilder result, List<String> problems) {
    int end = closingBrace(text, start + 2);
    if (end < 0) {
      problems.add("unclosed '${' in \"" + text + "\"");
      result.append(text, start, text.length());
      return text.length();
    }
    result.append(evaluate(text.substring(start + 2, end), problems));
    return end + 1;
  }

  private String evaluate(String expression, List<String> problems) {
    Matcher name = NAME.matcher(expression);
    if (!name.lookingAt()) {
      problems.add("invalid variable expression \"${" + expression + "}\"");
      return "";
    }
    String variable = name.group();
    if (name.end() == expression.length()) {
      return valueOf(variable, problems);
    }
    Matcher operator = OPERATOR.matcher(expression).region(name.end(), expression.length());
    if (!operator.lookingAt()) {
      problems.add("invalid variable expression \"${" + expression + "}\"");
      return "";
    }
    String argument = expression.substring(operator.end());
    return apply(variable, operator.group(), argument, problems);
  }

  private String apply(String variable, String operator, String argument, List<String> problems) {
    String value = environment.get(variable);
    boolean set = operator.startsWith(":") ? value != null && !value.isEmpty() : value != null;
    return switch (operator) {
      case ":-", "-" -> set ? value : interpolate(argument, problems);
      case ":+", "+" -> set ? interpolate(argument, problems) : "";
      default -> {
        if (!set) {
          problems.add("required variable " + variable + " is not set: " + argument);
        }
        yield set ? value : "";
      }
    };
  }

  /** Returns a variable of the environment, or null when it is not set. */
  String environmentValue(String variable) {
    return environment.get(variable);
  }

  private String valueOf(String variable, List<String> problems) {
    String value = environment.get(variable);
    if (value == null) {
      problems.add("variable " + variable + " is not set; an empty string is used");
      return "";
    }
    return value;
  }

  /** Returns the index of the '}' closing a '${' whose body starts at {@code from}, or -1. */
  private static int closingBrace(String text, int from) {
    int depth = 1;
    for (int index = from; index < text.length(); index++) {
      if (text.startsWith("${", index)) {
        depth++;
        index++;
      } else if (text.charAt(index) == '}' && --depth == 0) {
        return index;
      }
    }
    return -1;
  }
}
