package dev.rebuildplan.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rewrites the local build paths of a file's services (the context and additional contexts; a
 * Dockerfile is relative to its context) from its own base folder to the project folder, which
 * {@link ServiceResolver} resolves them against, so that files from other folders merge correctly.
 */
final class BuildPathRebaser {
  private final YamlDocument document;
  private final String base;
  private final String projectDirectory;
  private final List<ComposeProblem> problems;

  private BuildPathRebaser(
      YamlDocument document, String base, String projectDirectory, List<ComposeProblem> problems) {
    this.document = document;
    this.base = base;
    this.projectDirectory = projectDirectory;
    this.problems = problems;
  }

  /**
   * Rewrites the paths in {@code services}, which it changes; a path leaving the repository is a
   * problem.
   */
  static void rebase(
      YamlDocument document,
      ObjectNode services,
      String base,
      String projectDirectory,
      List<ComposeProblem> problems) {
    if (base.equals(projectDirectory)) {
      return;
    }
    BuildPathRebaser rebaser = new BuildPathRebaser(document, base, projectDirectory, problems);
    for (Map.Entry<String, JsonNode> entry : services.properties()) {
      if (entry.getValue().get("build") instanceof ObjectNode build) {
        String pointer =
            YamlDocument.child(YamlDocument.child("/services", entry.getKey()), "build");
        rebaser.rebaseBuild(pointer, build);
      }
    }
  }

  private void rebaseBuild(String pointer, ObjectNode build) {
    // NOTE: ServiceResolver gives a missing context the same default.
    String context = build.path("context").asText(RepoPaths.ROOT);
    if (!ServiceResolver.isRemote(context)) {
      rebasePath(YamlDocument.child(pointer, "context"), build, "context", context);
    }
    if (build.get("additional_contexts") instanceof ObjectNode contexts) {
      String contextsPointer = YamlDocument.child(pointer, "additional_contexts");
      for (Map.Entry<String, JsonNode> entry : contexts.properties()) {
        String value = entry.getValue().asText();
        if (ServiceResolver.isLocalPath(value)) {
          String valuePointer = YamlDocument.child(contextsPointer, entry.getKey());
          rebasePath(valuePointer, contexts, entry.getKey(), value);
        }
      }
    }
  }

  private void rebasePath(String pointer, ObjectNode parent, String key, String path) {
    Optional<String> resolved = RepoPaths.resolve(base, path);
    if (resolved.isEmpty()) {
      problems.add(
          document.problemAt(pointer, "build path " + path + " is outside the repository"));
      return;
    }
    parent.put(key, RepoPaths.relativize(projectDirectory, resolved.get()));
  }
}
