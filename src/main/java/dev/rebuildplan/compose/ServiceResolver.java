package dev.rebuildplan.compose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Turns the merged compose model into services, resolving build paths against the project. */
final class ServiceResolver {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ImmutableList<String> REMOTE_PREFIXES =
      ImmutableList.of("http://", "https://", "git://", "ssh://", "github.com/", "git@");
  private static final String DEFAULT_DOCKERFILE = "Dockerfile";

  private final String projectDirectory;
  private final String projectName;
  private final String firstFile;
  private final List<ComposeProblem> problems;

  ServiceResolver(
      String projectDirectory,
      String projectName,
      String firstFile,
      List<ComposeProblem> problems) {
    this.projectDirectory = projectDirectory;
    this.projectName = projectName;
    this.firstFile = firstFile;
    this.problems = problems;
  }

  ImmutableMap<String, ComposeService> resolve(ObjectNode services) {
    ImmutableMap.Builder<String, ComposeService> result = ImmutableMap.builder();
    for (Map.Entry<String, JsonNode> entry : services.properties()) {
      result.put(entry.getKey(), toService(entry.getKey(), entry.getValue()));
    }
    return result.build();
  }

  private ComposeService toService(String name, JsonNode service) {
    Optional<BuildSpec> build =
        service.has("build")
            ? Optional.of(toBuildSpec(name, service.get("build")))
            : Optional.empty();
    String image = service.path("image").asText("");
    boolean extendsReported = service.has(ComposeFileReader.EXTENDS_MARKER);
    if (image.isEmpty() && build.isEmpty() && !extendsReported) {
      problems.add(
          ComposeProblem.inFile(
              firstFile, "service " + name + " has neither an image nor a build"));
    } else if (image.isEmpty()) {
      image = projectName + "-" + name;
    }
    ImmutableSet<String> profiles =
        ImmutableSet.copyOf(
            service.path("profiles").valueStream().map(JsonNode::asText).iterator());
    return new ComposeService(name, image, build, profiles);
  }

  private BuildSpec toBuildSpec(String service, JsonNode section) {
    ObjectNode build = (ObjectNode) section.deepCopy();
    String rawContext = build.path("context").asText(RepoPaths.ROOT);
    Optional<String> localContext =
        isRemote(rawContext)
            ? Optional.empty()
            : resolveLocal(service, "context", projectDirectory, rawContext);
    String context = localContext.orElse(rawContext);
    build.put("context", context);
    String dockerfile = "";
    if (!build.has("dockerfile_inline")) {
      String rawDockerfile = build.path("dockerfile").asText(DEFAULT_DOCKERFILE);
      dockerfile =
          localContext
              .flatMap(folder -> resolveLocal(service, "dockerfile", folder, rawDockerfile))
              .orElse(rawDockerfile);
      build.put("dockerfile", dockerfile);
    }
    ImmutableMap<String, String> contexts = resolveAdditionalContexts(service, build);
    if (!contexts.isEmpty()) {
      build.set("additional_contexts", JSON.valueToTree(contexts));
    }
    return new BuildSpec(
        context,
        localContext.isPresent(),
        dockerfile,
        sortedStrings(build.path("args")),
        optionalText(build, "target"),
        contexts,
        optionalText(build, "network"),
        canonicalJson(build));
  }

  /** Resolves the local paths among the additional contexts, relative to the project folder. */
  private ImmutableMap<String, String> resolveAdditionalContexts(String service, JsonNode build) {
    Map<String, String> result = new TreeMap<>();
    for (Map.Entry<String, JsonNode> entry : build.path("additional_contexts").properties()) {
      String value = entry.getValue().asText();
      String what = "additional context " + entry.getKey();
      String resolved =
          isLocalPath(value)
              ? resolveLocal(service, what, projectDirectory, value).orElse(value)
              : value;
      result.put(entry.getKey(), resolved);
    }
    return ImmutableMap.copyOf(result);
  }

  /**
   * Resolves a path of the build, or returns empty with a problem when it leaves the repository.
   */
  private Optional<String> resolveLocal(String service, String what, String base, String path) {
    Optional<String> resolved = RepoPaths.resolve(base, path);
    if (resolved.isEmpty()) {
      problems.add(
          ComposeProblem.inFile(
              firstFile,
              "service "
                  + service
                  + ": build "
                  + what
                  + " "
                  + path
                  + " is outside the repository"));
    }
    return resolved;
  }

  static boolean isLocalPath(String context) {
    return !context.contains("://")
        && !context.startsWith(BuildSpec.SERVICE_CONTEXT_PREFIX)
        && !isRemote(context);
  }

  static boolean isRemote(String context) {
    return REMOTE_PREFIXES.stream().anyMatch(context::startsWith);
  }

  private static Optional<String> optionalText(JsonNode build, String key) {
    return build.has(key) ? Optional.of(build.get(key).asText()) : Optional.empty();
  }

  private static ImmutableMap<String, String> sortedStrings(JsonNode mapping) {
    Map<String, String> result = new TreeMap<>();
    mapping.properties().forEach(entry -> result.put(entry.getKey(), entry.getValue().asText()));
    return ImmutableMap.copyOf(result);
  }

  private static String canonicalJson(JsonNode node) {
    try {
      return JSON.writeValueAsString(sorted(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree cannot fail to serialize", e);
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isArray()) {
      var result = JSON.createArrayNode();
      node.forEach(element -> result.add(sorted(element)));
      return result;
    }
    if (!node.isObject()) {
      return node;
    }
    Map<String, JsonNode> byKey = new TreeMap<>();
    node.properties().forEach(entry -> byKey.put(entry.getKey(), sorted(entry.getValue())));
    ObjectNode result = JSON.createObjectNode();
    result.setAll(byKey);
    return result;
  }
}
