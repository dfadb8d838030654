package dev.rebuildplan.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

/**
 * One parsed YAML file: its tree, with aliases and merge keys resolved, and where each node
 * started, keyed by JSON pointer (such as {@code /services/web/build}).
 *
 * @param replacedPointers the nodes tagged {@code !reset} (left out of the tree) or {@code
 *     !override} (kept): what earlier files set there is dropped before this file merges in
 */
record YamlDocument(
    String file,
    JsonNode root,
    ImmutableMap<String, Position> positions,
    ImmutableSet<String> replacedPointers) {

  /** A 1-based line and column in the file. */
  record Position(int line, int column) {}

  /** Returns a problem located at the node of {@code pointer}, or at its nearest known parent. */
  ComposeProblem problemAt(String pointer, String message) {
    String current = pointer;
    while (!current.isEmpty() && !positions.containsKey(current)) {
      current = current.substring(0, current.lastIndexOf('/'));
    }
    Position position = positions.get(current);
    if (position == null) {
      return ComposeProblem.inFile(file, message);
    }
    return new ComposeProblem(file, position.line(), position.column(), message);
  }

  /** Returns the JSON pointer of {@code key} inside the node at {@code parent}. */
  static String child(String parent, String key) {
    return parent + "/" + key.replace("~", "~0").replace("/", "~1");
  }
}
