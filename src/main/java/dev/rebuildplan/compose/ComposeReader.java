package dev.rebuildplan.compose;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
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
    Interpolator interpolator = new Interpolator(invocation.environment());
    ObjectNode model = JsonNodeFactory.instance.objectNode();
    model.putObject("services");
    for (String path : paths) {
      readFile(files, path, interpolator, problems)
          .ifPresent(file -> ModelMerger.merge(model, file.model(), file.replacedPointers()));
    }
    if (!model.has("services")) {
      model.putObject("services");
    }
    return model;
  }

  /** A file's canonical model and the pointers its {@code !reset}/{@code !override} tags name. */
  private record FileModel(ObjectNode model, ImmutableSet<String> replacedPointers) {}

  private static Optional<FileModel> readFile(
      ProjectFiles files, String path, Interpolator interpolator, List<ComposeProblem> problems) {
    Optional<String> text = files.read(path);
    if (text.isEmpty()) {
      problems.add(ComposeProblem.inFile(path, "compose file not found"));
      return Optional.empty();
    }
    try {
      YamlDocument document = YamlTreeReader.read(path, text.get());
      ObjectNode model = ComposeFileReader.read(document, interpolator, problems);
      return Optional.of(new FileModel(model, document.replacedPointers()));
    } catch (ComposeFileException e) {
      problems.add(e.problem());
      return Optional.empty();
    }
  }
}
