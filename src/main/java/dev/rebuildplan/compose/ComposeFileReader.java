package dev.rebuildplan.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the parts of one compose file that decide builds ({@code name} and each service's {@code
 * image}, {@code profiles} and {@code build}), interpolates them, and returns them in canonical
 * form, ready to merge with the other files of the project; everything else is ignored.
 */
final class ComposeFileReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Holds a service's {@code extends} as {@code {service, file}} until it is resolved, or {@code
   * true} when it was malformed and its problem is reported.
   */
  static final String EXTENDS_MARKER = "x-rebuild-plan-extends";

  /**
   * Holds the file's {@code include} entries as {@code {pointer, path: [], ...}} until followed.
   */
  static final String INCLUDE_KEY = "include";

  private final YamlDocument document;
  private final Interpolator interpolator;
  private final List<ComposeProblem> problems;

  private ComposeFileReader(
      YamlDocument document, Interpolator interpolator, List<ComposeProblem> problems) {
    this.document = document;
    this.interpolator = interpolator;
    this.problems = problems;
  }

  /**
   * Returns {@code {name, include, services: {NAME: {image, profiles, build, extends marker}}}}
   * holding what the file sets, with paths as written; problems found on the way go to {@code
   * problems}.
   */
  static ObjectNode read(
      YamlDocument document, Interpolator interpolator, List<ComposeProblem> problems) {
    return new ComposeFileReader(document, interpolator, problems).readRoot();
  }

  private ObjectNode readRoot() {
    ObjectNode model = NODES.objectNode();
    JsonNode root = document.root();
    if (root.isNull()) {
      problems.add(ComposeProblem.inFile(document.file(), "the compose file is empty"));
      return model;
    }
    if (!root.isObject()) {
      problems.add(document.problemAt("", "the top level must be a mapping, got " + kind(root)));
      return model;
    }
    JsonNode name = root.path("name");
    if (!name.isMissingNode()) {
      readScalar("/name", name, "name").ifPresent(text -> model.put("name", text));
    }
    model.set(INCLUDE_KEY, readIncludes(root.path("include")));
    model.set("services", readServices(root.path("services")));
    return model;
  }

  private ObjectNode readServices(JsonNode services) {
    ObjectNode result = NODES.objectNode();
    if (services.isMissingNode() || services.isNull()) {
      return result;
    }
    if (!services.isObject()) {
      problems.add(
          document.problemAt("/services", "services must be a mapping, got " + kind(services)));
      return result;
    }
    for (Map.Entry<String, JsonNode> entry : services.properties()) {
      String pointer = YamlDocument.child("/services", entry.getKey());
      if (!entry.getValue().isObject()) {
        problems.add(
            document.problemAt(
                pointer,
                "service " + entry.getKey() + " must be a mapping, got " + kind(entry.getValue())));
        continue;
      }
      result.set(entry.getKey(), readService(pointer, entry.getValue()));
    }
    return result;
  }

  private ArrayNode readIncludes(JsonNode include) {
    ArrayNode result = NODES.arrayNode();
    if (include.isMissingNode() || include.isNull()) {
      return result;
    }
    if (!include.isArray()) {
      problem("/include", "include must be a list, got " + kind(include));
      return result;
    }
    for (int index = 0; index < include.size(); index++) {
      readInclude("/include/" + index, include.get(index)).ifPresent(result::add);
    }
    return result;
  }

  /** Reads the short form (a path) or the long form of one include entry. */
  private Optional<ObjectNode> readInclude(String pointer, JsonNode entry) {
    ObjectNode result = NODES.objectNode().put("pointer", pointer);
    if (!entry.isObject()) {
      readScalar(pointer, entry, "an include").ifPresent(path -> result.putArray("path").add(path));
      return result.has("path") ? Optional.of(result) : Optional.empty();
    }
    ArrayNode paths = readPaths(YamlDocument.child(pointer, "path"), entry.path("path"));
    if (paths.isEmpty()) {
      problem(pointer, "an include needs a path");
      return Optional.empty();
    }
    result.set("path", paths);
    JsonNode directory = entry.path("project_directory");
    if (!directory.isMissingNode()) {
      readScalar(YamlDocument.child(pointer, "project_directory"), directory, "project_directory")
          .ifPresent(text -> result.put("project_directory", text));
    }
    if (entry.has("env_file")) {
      result.set(
          "env_file", readPaths(YamlDocument.child(pointer, "env_file"), entry.get("env_file")));
    }
    return Optional.of(result);
  }

  /** Reads a path or a list of paths. */
  private ArrayNode readPaths(String pointer, JsonNode node) {
    ArrayNode result = NODES.arrayNode();
    if (node.isMissingNode()) {
      return result;
    }
    if (!node.isArray()) {
      readScalar(pointer, node, "a path").ifPresent(result::add);
      return result;
    }
    for (int index = 0; index < node.size(); index++) {
      readScalar(pointer + "/" + index, node.get(index), "a path").ifPresent(result::add);
    }
    return result;
  }

  /**
   * Returns {@code {service, file}} from the long form or the short form (the service alone), or
   * {@code true} when the section is malformed.
   */
  private JsonNode readExtends(String pointer, JsonNode section) {
    ObjectNode result = NODES.objectNode();
    JsonNode service = section;
    String servicePointer = pointer;
    if (section.isObject()) {
      JsonNode file = section.path("file");
      if (!file.isMissingNode()) {
        readScalar(YamlDocument.child(pointer, "file"), file, "extends.file")
            .ifPresent(text -> result.put("file", text));
      }
      service = section.path("service");
      servicePointer = YamlDocument.child(pointer, "service");
    }
    if (service.isMissingNode()) {
      problem(pointer, "extends needs a service");
    } else {
      readScalar(servicePointer, service, "extends.service")
          .ifPresent(text -> result.put("service", text));
    }
    return result.has("service") ? result : NODES.booleanNode(true);
  }

  private ObjectNode readService(String pointer, JsonNode service) {
    ObjectNode result = NODES.objectNode();
    if (service.has("extends")) {
      // NOTE: ServiceResolver reads this marker to skip its "neither an image nor a build".
      result.set(
          EXTENDS_MARKER,
          readExtends(YamlDocument.child(pointer, "extends"), service.get("extends")));
    }
    JsonNode image = service.path("image");
    if (!image.isMissingNode()) {
      readScalar(YamlDocument.child(pointer, "image"), image, "image")
          .ifPresent(text -> result.put("image", text));
    }
    JsonNode profiles = service.path("profiles");
    if (!profiles.isMissingNode()) {
      result.set("profiles", readProfiles(YamlDocument.child(pointer, "profiles"), profiles));
    }
    JsonNode build = service.path("build");
    if (!build.isMissingNode()) {
      String buildPointer = YamlDocument.child(pointer, "build");
      BuildSectionReader.read(buildPointer, build, this)
          .ifPresent(node -> result.set("build", node));
    }
    return result;
  }

  private JsonNode readProfiles(String pointer, JsonNode profiles) {
    var result = NODES.arrayNode();
    if (!profiles.isArray()) {
      problem(pointer, "profiles must be a list, got " + kind(profiles));
      return result;
    }
    for (int index = 0; index < profiles.size(); index++) {
      readScalar(pointer + "/" + index, profiles.get(index), "a profile").ifPresent(result::add);
    }
    return result;
  }

  /** Returns the interpolated text of a scalar, or records a problem naming {@code what}. */
  Optional<String> readScalar(String pointer, JsonNode node, String what) {
    if (!node.isValueNode() || node.isNull()) {
      problem(pointer, what + " must be a string, got " + kind(node));
      return Optional.empty();
    }
    return Optional.of(interpolate(pointer, node.asText()));
  }

  /** Returns {@code text} interpolated, recording each unresolved variable at {@code pointer}. */
  String interpolate(String pointer, String text) {
    List<String> messages = new ArrayList<>();
    String result = interpolator.interpolate(text, messages);
    messages.forEach(message -> problem(pointer, message));
    return result;
  }

  /** Returns an environment variable given to the invocation, or null. */
  String environmentValue(String name) {
    return interpolator.environmentValue(name);
  }

  void problem(String pointer, String message) {
    problems.add(document.problemAt(pointer, message));
  }

  /** Names the YAML kind of {@code node} for messages: "a number", "a list" and so on. */
  static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "a list";
      case OBJECT -> "a mapping";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL, MISSING -> "nothing";
      default -> "a string";
    };
  }
}
