package dev.rebuildplan.compose;

import com.fasterxml.jackson.databind.JsonNode;
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

  /** Set on a service that uses the unsupported {@code extends}, whose problem is reported. */
  static final String EXTENDS_MARKER = "x-rebuild-plan-extends";

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
   * Returns {@code {name, services: {NAME: {image, profiles, build}}}} holding what the file sets;
   * problems found on the way go to {@code problems}.
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
    // TODO: follow the top-level include and each service's extends, which can bring a build
    // section from another file; until then both stop the plan rather than shrink it silently.
    rejectInclude(root.path("include"));
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

  private void rejectInclude(JsonNode include) {
    if (include.isMissingNode() || include.isNull() || include.isEmpty() && include.isArray()) {
      return;
    }
    String pointer = include.isArray() ? "/include/0" : "/include";
    problem(
        pointer,
        "include is not supported, so the included services would be missed;"
            + " list each file with -f instead");
  }

  private ObjectNode readService(String pointer, JsonNode service) {
    ObjectNode result = NODES.objectNode();
    if (service.has("extends")) {
      problem(
          YamlDocument.child(pointer, "extends"),
          "extends is not supported, so service "
              + serviceName(pointer)
              + " would miss what it inherits; copy the inherited keys into the service");
      // NOTE: ServiceResolver reads this marker to skip its "neither an image nor a build".
      result.put(EXTENDS_MARKER, true);
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

  private static String serviceName(String pointer) {
    return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
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
