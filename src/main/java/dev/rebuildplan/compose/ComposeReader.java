package dev.rebuildplan.compose;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a compose project from text alone, the way {@code docker compose} would see it: it finds
 * the files, merges them, and resolves each service's image and build.
 */
public final class ComposeReader {
  private ComposeReader() {}

  /** Reads the project; never throws for bad input, which becomes the project's problems. */
  public static ComposeProject read(ProjectFiles files, ComposeInvocation given) {
    List<ComposeProblem> problems = new ArrayList<>();
    ComposeInvocation invocation = DotEnvFile.applyTo(files, given, problems);
    ImmutableList<String> paths = ComposeFileLocator.locate(files, invocation);
    if (paths.isEmpty()) {
      return withoutFiles(invocation, problems);
    }
    String directory = RepoPaths.parent(paths.get(0));
    ObjectNode model = mergedModel(files, paths, invocation, problems);

    String name =
        ProjectNames.choose(invocation, model.path("name").asText(""), directory, problems);
    ObjectNode services = (ObjectNode) model.get("services");
    var resolver = new ServiceResolver(directory, name, paths.get(0), problems);
    return new ComposeProject(
        name, directory, paths, resolver.resolve(services), ImmutableList.copyOf(problems));
  }

  private static ComposeProject withoutFiles(
      ComposeInvocation invocation, List<ComposeProblem> problems) {
    String message =
        "no compose file found: looked for "
            + String.join(", ", ComposeFileLocator.DEFAULT_FILES)
            + " here and in the folders above";
    return new ComposeProject(
        "",
        invocation.folder(),
        ImmutableList.of(),
        ImmutableMap.of(),
        ImmutableList.<ComposeProblem>builder()
            .addAll(problems)
            .add(ComposeProblem.inFile(invocation.folder(), message))
            .build());
  }

  /** Returns the files' models merged in order; always with a {@code services} mapping. */
  private static ObjectNode mergedModel(
      ProjectFiles files,
      ImmutableList<String> paths,
      ComposeInvocation invocation,
      List<ComposeProblem> problems) {
    var loader = new ComposeModelLoader(files, RepoPaths.parent(paths.get(0)), problems);
    ObjectNode model = JsonNodeFactory.instance.objectNode();
    model.putObject("services");
    for (String path : paths) {
      loader
          .loadProjectFile(path, invocation.environment())
          .ifPresent(file -> ModelMerger.merge(model, file.model(), file.replacedPointers()));
    }
    if (!model.has("services")) {
      model.putObject("services");
    }
    return model;
  }
}
