package dev.rebuildplan.compose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableMap;
import java.util.List;

/**
 * One compose file as read, before its includes and extends are followed.
 *
 * @param path the repository-relative file
 * @param base the folder its relative paths start from: the project folder for the project's own
 *     files, the included project's folder for an included file, its own folder for a file named by
 *     {@code extends}
 * @param document the parsed file, for locating problems
 * @param model the canonical model, its build paths already made relative to the project folder
 * @param environment the variables it was interpolated with
 */
record ComposeSource(
    String path,
    String base,
    YamlDocument document,
    ObjectNode model,
    ImmutableMap<String, String> environment) {

  ObjectNode services() {
    return (ObjectNode) model.get("services");
  }

  /** Adds a problem located at the node of {@code pointer} in this file. */
  void problem(String pointer, String message, List<ComposeProblem> problems) {
    problems.add(document.problemAt(pointer, message));
  }
}
