package dev.rebuildplan.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns Jackson's exceptions about a rules file into one line: file:line:col, property, what. */
final class RulesErrors {
  private RulesErrors() {}

  static String describe(String display, JsonProcessingException e) {
    Optional<String> syntax = describeSyntax(display, e);
    if (syntax.isPresent()) {
      return syntax.get();
    }
    var location = e.getLocation();
    String where =
        location == null
            ? display
            : display + ":" + location.getLineNr() + ":" + location.getColumnNr();
    if (!(e instanceof JsonMappingException mapping)) {
      return where + ": not valid " + "YAML or JSON: " + firstLine(e.getOriginalMessage());
    }
    String property = propertyPath(mapping);
    if (e instanceof UnrecognizedPropertyException unknown) {
      String known =
          unknown.getKnownPropertyIds().stream()
              .map(Object::toString)
              .sorted()
              .collect(Collectors.joining(", "));
      return where + ": " + property + ": unknown key; known keys here: " + known;
    }
    if (e instanceof InvalidFormatException invalid) {
      return where + ": " + property + ": '" + invalid.getValue() + "' is not a valid value";
    }
    if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
      return where + ": " + property + ": expected " + describeType(mismatched.getTargetType());
    }
    return where + ": " + property + ": " + firstLine(e.getOriginalMessage());
  }

  /**
   * A syntax error, also when Jackson wrapped it in a mapping error because it happened inside a
   * value. SnakeYAML's message starts with the context ("while parsing a block mapping"); what is
   * wrong is its problem ("expected <block end>, but found ..."), at the problem's mark.
   */
  private static Optional<String> describeSyntax(String display, JsonProcessingException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
        var mark = yaml.getProblemMark();
        return Optional.of(
            display
                + ":"
                + (mark.getLine() + 1)
                + ":"
                + (mark.getColumn() + 1)
                + ": not valid YAML: "
                + firstLine(yaml.getProblem()));
      }
      if (cause instanceof StreamReadException parse && !(cause instanceof JsonMappingException)) {
        var location = parse.getLocation();
        String where =
            location == null
                ? display
                : display + ":" + location.getLineNr() + ":" + location.getColumnNr();
        return Optional.of(
            where + ": not valid YAML or JSON: " + firstLine(parse.getOriginalMessage()));
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }

  private static String describeType(Class<?> type) {
    if (List.class.isAssignableFrom(type)) {
      return "a list (or a single string)";
    }
    if (Map.class.isAssignableFrom(type) || type.getName().contains("Spec")) {
      return "a mapping of keys to values";
    }
    if (type == String.class) {
      return "a string";
    }
    return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
  }

  private static String propertyPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "(top level)" : path.toString();
  }

  private static String firstLine(String message) {
    String text = message == null ? "unknown problem" : message.strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
