package dev.rebuildplan.compose;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a compose project from text alone, the way {@code docker compose} would see it: it finds
 * the files, merges them, and resolves each service's image and build.
 */
public final class ComposeReader {
  private ComposeReader() {}

  /** Reads the project; never throws for bad input, which becomes the project's problems. */
  public static ComposeProject read(ProjectFiles files, ComposeInvocation invocation) {
    List<ComposeProblem> problems = new ArrayList<>();
    ImmutableList<String> paths = ComposeFileLocator.locate(files, invocation);
    if (paths.isEmpty()) {
      problems.add(
          ComposeProblem.inFile(
              invocation.folder(),
              "no compose file found: looked for "
                  + String.join(", ", ComposeFileLocator.DEFAULT_FILES)
                  + " here and in the folders above"));
      return new ComposeProject(
          "",
          invocation.folder(),
          paths,
          com.google.common.collect.ImmutableMap.of(),
          ImmutableList.copyOf(problems));
    }
    String directory = RepoPaths.parent(paths.get(0));
    Interpolator interpolator = new Interpolator(invocation.environment());
    ObjectNode model = JsonNodeFactory.instance.objectNode();
    for (String path : paths) {
      readFile(files, path, interpolator, problems)
          .ifPresent(fileModel -> ModelMerger.merge(model, fileModel));
    }
    String name = projectName(invocation, model, directory, problems);
    var resolver = new ServiceResolver(directory, name, paths.get(0), problems);
    var services =
        resolver.resolve(
            model.has("services")
                ? (ObjectNode) model.get("services")
                : JsonNodeFactory.instance.objectNode());
    return new ComposeProject(name, directory, paths, services, ImmutableList.copyOf(problems));
  }

  private static Optional<ObjectNode> readFile(
      ProjectFiles files, String path, Interpolator interpolator, List<ComposeProblem> problems) {
    Optional<String> text = files.read(path);
    if (text.isEmpty()) {
      problems.add(ComposeProblem.inFile(path, "compose file not found"));
      return Optional.empty();
    }
    try {
      YamlDocument document = YamlTreeReader.read(path, text.get());
      return Optional.of(ComposeFileReader.read(document, interpolator, problems));
    } catch (ComposeFileException e) {
      problems.add(e.problem());
      return Optional.empty();
    }
  }

  /** Picks the name by Compose's precedence: -p, COMPOSE_PROJECT_NAME, name, the folder. */
  private static String projectName(
      ComposeInvocation invocation,
      ObjectNode model,
      String directory,
      List<ComposeProblem> problems) {
    Optional<String> imperative =
        invocation
            .projectName()
            .or(
                () ->
                    Optional.ofNullable(invocation.environment().get("COMPOSE_PROJECT_NAME"))
                        .filter(n -> !n.isEmpty()));
    if (imperative.isPresent()) {
      String given = imperative.get();
      if (!ProjectNames.isValid(given)) {
        problems.add(
            ComposeProblem.inFile(
                directory,
                "project name '"
                    + given
                    + "' must contain only lower-case letters, digits, '-' and '_', and start with"
                    + " a letter or digit"));
      }
      return given;
    }
    String fromFile = ProjectNames.normalize(model.path("name").asText(""));
    if (!fromFile.isEmpty()) {
      return fromFile;
    }
    String folderName =
        directory.equals(RepoPaths.ROOT)
            ? invocation.repositoryFolderName()
            : RepoPaths.baseName(directory);
    String derived = ProjectNames.normalize(folderName);
    if (derived.isEmpty()) {
      problems.add(
          ComposeProblem.inFile(
              directory, "no project name: set 'name' in the compose file or give a project name"));
    }
    return derived;
  }
}
