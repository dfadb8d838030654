package dev.rebuildplan.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads compose files into canonical models as Compose does: each file's {@code include} entries
 * are loaded as projects of their own and add their services, and each service's {@code extends} is
 * resolved.
 */
final class ComposeModelLoader {
  private final ProjectFiles files;
  private final String projectDirectory;
  private final List<ComposeProblem> problems;

  /** A file's model with includes and extends followed, and what its !reset/!override tags name. */
  record FileModel(ObjectNode model, ImmutableSet<String> replacedPointers) {}

  /** The merged model of one include entry, and its files for messages. */
  private record Included(String files, ObjectNode model) {}

  ComposeModelLoader(ProjectFiles files, String projectDirectory, List<ComposeProblem> problems) {
    this.files = files;
    this.projectDirectory = projectDirectory;
    this.problems = problems;
  }

  /**
   * Loads one of the project's own files, whose relative paths start from the project folder;
   * empty, with a problem, when it cannot be read.
   */
  Optional<FileModel> loadProjectFile(String path, ImmutableMap<String, String> environment) {
    Optional<String> text = files.read(path);
    if (text.isEmpty()) {
      problems.add(ComposeProblem.inFile(path, "compose file not found"));
      return Optional.empty();
    }
    return load(path, text.get(), projectDirectory, environment, ImmutableList.of());
  }

  Optional<String> read(String path) {
    return files.read(path);
  }

  /** Parses a file into its canonical model; empty, with a problem, when it is unusable. */
  Optional<ComposeSource> parse(
      String path, String text, String base, ImmutableMap<String, String> environment) {
    try {
      YamlDocument document = YamlTreeReader.read(path, text);
      ObjectNode model = ComposeFileReader.read(document, new Interpolator(environment), problems);
      if (!model.has("services")) {
        model.putObject("services");
      }
      if (!model.has(ComposeFileReader.INCLUDE_KEY)) {
        model.putArray(ComposeFileReader.INCLUDE_KEY);
      }
      ObjectNode services = (ObjectNode) model.get("services");
      BuildPathRebaser.rebase(document, services, base, projectDirectory, problems);
      return Optional.of(new ComposeSource(path, base, document, model, environment));
    } catch (ComposeFileException e) {
      problems.add(e.problem());
      return Optional.empty();
    }
  }

  private Optional<FileModel> load(
      String path,
      String text,
      String base,
      ImmutableMap<String, String> environment,
      ImmutableList<String> includeChain) {
    Optional<ComposeSource> parsed = parse(path, text, base, environment);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    ComposeSource source = parsed.get();
    JsonNode includes = source.model().remove(ComposeFileReader.INCLUDE_KEY);
    new ExtendsResolver(this, problems).resolveAll(source);

    ImmutableList<String> chain =
        ImmutableList.<String>builder().addAll(includeChain).add(path).build();
    Map<String, String> origins = new HashMap<>();
    source.services().fieldNames().forEachRemaining(name -> origins.put(name, path));
    for (JsonNode include : includes) {
      String pointer = include.get("pointer").asText();
      loadInclude(source, pointer, include, chain)
          .ifPresent(included -> addServices(source, pointer, included, origins));
    }
    return Optional.of(new FileModel(source.model(), source.document().replacedPointers()));
  }

  /** Loads the files of one include entry, merged, as a project of their own. */
  private Optional<Included> loadInclude(
      ComposeSource source, String pointer, JsonNode include, ImmutableList<String> chain) {
    List<String> paths = new ArrayList<>();
    for (JsonNode path : include.get("path")) {
      Optional<String> resolved = resolve(source, pointer, "included file", path.asText());
      if (resolved.isEmpty()) {
        return Optional.empty();
      }
      if (chain.contains(resolved.get())) {
        String cycle = String.join(" -> ", chain) + " -> " + resolved.get();
        source.problem(pointer, "include cycle: " + cycle, problems);
        return Optional.empty();
      }
      paths.add(resolved.get());
    }
    Optional<String> directory =
        include.has("project_directory")
            ? resolve(
                source, pointer, "project_directory", include.get("project_directory").asText())
            : Optional.of(RepoPaths.parent(paths.get(0)));
    if (directory.isEmpty()) {
      return Optional.empty();
    }
    ImmutableMap<String, String> environment =
        environmentOf(source, pointer, directory.get(), include.path("env_file"));

    ObjectNode merged = JsonNodeFactory.instance.objectNode();
    merged.putObject("services");
    for (String path : paths) {
      Optional<String> text = files.read(path);
      if (text.isEmpty()) {
        source.problem(pointer, "included file " + path + " not found", problems);
        return Optional.empty();
      }
      load(path, text.get(), directory.get(), environment, chain)
          .ifPresent(file -> ModelMerger.merge(merged, file.model(), file.replacedPointers()));
    }
    return Optional.of(new Included(String.join(", ", paths), merged));
  }

  /**
   * Returns the including file's variables over the included project's env files (by default its
   * {@code .env}), which give defaults only, as in Compose.
   */
  private ImmutableMap<String, String> environmentOf(
      ComposeSource source, String pointer, String directory, JsonNode envFiles) {
    Map<String, String> values = new HashMap<>();
    if (envFiles.isMissingNode()) {
      String path = RepoPaths.resolve(directory, DotEnvFile.NAME).orElseThrow();
      files
          .read(path)
          .ifPresent(
              text -> values.putAll(DotEnvFile.parse(path, text, source.environment(), problems)));
    }
    for (JsonNode envFile : envFiles) {
      Optional<String> path = resolve(source, pointer, "env file", envFile.asText());
      Optional<String> text = path.flatMap(files::read);
      if (path.isPresent() && text.isEmpty()) {
        source.problem(pointer, "env file " + path.get() + " not found", problems);
      } else if (text.isPresent()) {
        values.putAll(DotEnvFile.parse(path.get(), text.get(), source.environment(), problems));
      }
    }
    values.putAll(source.environment());
    return ImmutableMap.copyOf(values);
  }

  /** Resolves a path of an include entry against the including file's base folder. */
  private Optional<String> resolve(ComposeSource source, String pointer, String what, String path) {
    Optional<String> resolved = RepoPaths.resolve(source.base(), path);
    if (resolved.isEmpty()) {
      source.problem(pointer, what + " " + path + " is outside the repository", problems);
    }
    return resolved;
  }

  /** Adds the included services; one the including model already has is a conflict. */
  private void addServices(
      ComposeSource source, String pointer, Included included, Map<String, String> origins) {
    for (Map.Entry<String, JsonNode> entry : included.model().path("services").properties()) {
      String name = entry.getKey();
      if (origins.containsKey(name)) {
        source.problem(
            pointer,
            "service "
                + name
                + " is defined both in "
                + origins.get(name)
                + " and in the included "
                + included.files(),
            problems);
        continue;
      }
      origins.put(name, "the included " + included.files());
      source.services().set(name, entry.getValue());
    }
  }
}
