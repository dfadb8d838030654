package dev.rebuildplan.docker;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code $NAME}, {@code ${NAME}} and the {@code ${NAME:-word}}, {@code ${NAME-word}},
 * {@code ${NAME:+word}}, {@code ${NAME+word}} forms against the variables in scope.
 *
 * <p>Unlike Docker, which expands an unset variable to nothing, an unset variable without a default
 * is an error here: the value the build would get is unknown, so the caller must be conservative.
 */
final class VariableExpander {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern BRACED =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])(.*))?", Pattern.DOTALL);

  private final Map<String, String> values;
  private final char escape;

  /** Thrown when a word refers to a variable that has no value, or uses an unsupported form. */
  static final class UnresolvedException extends Exception {
    private static final long serialVersionUID = 1L;

    UnresolvedException(String message) {
      super(message);
    }
  }

  VariableExpander(Map<String, String> values, char escape) {
    this.values = values;
    this.escape = escape;
  }

  /**
   * Expands every variable in a word; an escaped {@code $} becomes a plain one.
   *
   * @throws UnresolvedException when a variable has no value and no default
   */
  String expand(String word) throws UnresolvedException {
    StringBuilder result = new StringBuilder();
    int i = 0;
    while (i < word.length()) {
      char c = word.charAt(i);
      if (c == escape && i + 1 < word.length() && word.charAt(i + 1) == '$') {
        result.append('$');
        i += 2;
      } else if (c == '$' && i + 1 < word.length() && word.charAt(i + 1) == '{') {
        int close = closingBrace(word, i + 2);
        result.append(expandBraced(word.substring(i + 2, close)));
        i = close + 1;
      } else if (c == '$') {
        Matcher name = NAME.matcher(word).region(i + 1, word.length());
        if (name.lookingAt()) {
          result.append(lookup(name.group()));
          i = name.end();
        } else {
          result.append(c);
          i++;
        }
      } else {
        result.append(c);
        i++;
      }
    }
    return result.toString();
  }

  private static int closingBrace(String word, int from) throws UnresolvedException {
    int depth = 1;
    for (int i = from; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    throw new UnresolvedException("'" + word + "' has a '${' without its '}'");
  }

  private String expandBraced(String inner) throws UnresolvedException {
    Matcher parts = BRACED.matcher(inner);
    if (!parts.matches()) {
      throw new UnresolvedException("unsupported variable form '${" + inner + "}'");
    }
    String name = parts.group(1);
    String operator = parts.group(2);
    if (operator == null) {
      return lookup(name);
    }
    String value = values.get(name);
    boolean set = operator.startsWith(":") ? value != null && !value.isEmpty() : value != null;
    boolean useWord = operator.endsWith("-") ? !set : set;
    if (useWord) {
      return expand(parts.group(3));
    }
    return operator.endsWith("-") ? value : "";
  }

  private String lookup(String name) throws UnresolvedException {
    String value = values.get(name);
    if (value == null) {
      throw new UnresolvedException("variable " + name + " has no known value");
    }
    return value;
  }
}
