package dev.rebuildplan.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves each service's {@code extends} as Compose does: the extended service, itself resolved
 * first, is the base and the extending service's keys merge over it by {@link ModelMerger}'s rules.
 * A service from another file brings paths resolved against that file's folder.
 */
final class ExtendsResolver {
  private final ComposeModelLoader loader;
  private final List<ComposeProblem> problems;
  private final Map<String, Optional<ComposeSource>> otherFiles = new HashMap<>();
  private final Map<String, ObjectNode> resolved = new HashMap<>();

  ExtendsResolver(ComposeModelLoader loader, List<ComposeProblem> problems) {
    this.loader = loader;
    this.problems = problems;
  }

  /** Replaces each service of {@code source} that extends another by the merged definition. */
  void resolveAll(ComposeSource source) {
    List<String> names = new ArrayList<>();
    source.services().fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      source.services().set(name, resolve(source, name, ImmutableList.of()));
    }
  }

  /** A service of a file, as named in the chain of extends being followed. */
  private record ServiceKey(ComposeSource source, String name) {
    String id() {
      return source.path() + "@" + source.base() + "#" + name;
    }
  }

  private ObjectNode resolve(ComposeSource source, String name, ImmutableList<ServiceKey> chain) {
    ServiceKey key = new ServiceKey(source, name);
    ObjectNode known = resolved.get(key.id());
    if (known != null) {
      return known;
    }
    ObjectNode service = (ObjectNode) source.services().get(name);
    JsonNode spec = service.path(ComposeFileReader.EXTENDS_MARKER);
    if (!spec.isObject()) {
      // Without extends, or with one whose problem ComposeFileReader reported.
      return service;
    }
    ObjectNode own = service.deepCopy();
    own.remove(ComposeFileReader.EXTENDS_MARKER);
    ImmutableList<ServiceKey> longer =
        ImmutableList.<ServiceKey>builder().addAll(chain).add(key).build();
    ObjectNode result = own;
    Optional<ObjectNode> base = baseOf(key, spec, longer);
    if (base.isPresent()) {
      result = base.get().deepCopy();
      ModelMerger.merge(result, own);
    } else {
      // NOTE: ServiceResolver reads this marker to skip its "neither an image nor a build".
      result.put(ComposeFileReader.EXTENDS_MARKER, true);
    }
    resolved.put(key.id(), result);
    return result;
  }

  /** Returns the resolved service that {@code key} extends, or empty with a problem. */
  private Optional<ObjectNode> baseOf(
      ServiceKey key, JsonNode spec, ImmutableList<ServiceKey> chain) {
    ComposeSource source = key.source();
    String pointer = YamlDocument.child(YamlDocument.child("/services", key.name()), "extends");
    Optional<ComposeSource> found =
        spec.has("file")
            ? otherFile(source, pointer, spec.get("file").asText())
            : Optional.of(source);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String target = spec.get("service").asText();
    ComposeSource file = found.get();
    if (!file.services().has(target)) {
      source.problem(
          pointer,
          "service " + key.name() + " extends " + target + ", which " + file.path() + " lacks",
          problems);
      return Optional.empty();
    }
    ServiceKey targetKey = new ServiceKey(file, target);
    if (chain.stream().anyMatch(seen -> seen.id().equals(targetKey.id()))) {
      source.problem(pointer, "extends cycle: " + describe(chain, targetKey), problems);
      return Optional.empty();
    }
    return Optional.of(resolve(file, target, chain));
  }

  /** Returns the file that {@code extends.file} names, relative to the extending file's folder. */
  private Optional<ComposeSource> otherFile(ComposeSource source, String pointer, String file) {
    Optional<String> path = RepoPaths.resolve(RepoPaths.parent(source.path()), file);
    if (path.isEmpty()) {
      source.problem(pointer, "extends file " + file + " is outside the repository", problems);
      return Optional.empty();
    }
    Optional<String> text = loader.read(path.get());
    if (text.isEmpty()) {
      source.problem(pointer, "extends file " + path.get() + " not found", problems);
      return Optional.empty();
    }
    return otherFiles.computeIfAbsent(
        path.get(),
        key -> loader.parse(key, text.get(), RepoPaths.parent(key), source.environment()));
  }

  private static String describe(ImmutableList<ServiceKey> chain, ServiceKey last) {
    String firstFile = chain.get(0).source().path();
    List<String> names = new ArrayList<>();
    chain.forEach(key -> names.add(describe(key, firstFile)));
    names.add(describe(last, firstFile));
    return String.join(" -> ", names);
  }

  private static String describe(ServiceKey key, String firstFile) {
    String path = key.source().path();
    return path.equals(firstFile) ? key.name() : key.name() + " (" + path + ")";
  }
}
