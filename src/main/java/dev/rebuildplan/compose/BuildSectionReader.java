package dev.rebuildplan.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one service's {@code build} into canonical form: always a mapping, with {@code args},
 * {@code labels} and {@code additional_contexts} as mappings whichever form the file used, and
 * every string interpolated.
 */
final class BuildSectionReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ImmutableSet<String> SCALAR_KEYS =
      ImmutableSet.of("context", "dockerfile", "dockerfile_inline", "target", "network");
  private static final ImmutableSet<String> KEY_VALUE_KEYS =
      ImmutableSet.of("args", "labels", "additional_contexts");

  private final ComposeFileReader file;

  private BuildSectionReader(ComposeFileReader file) {
    this.file = file;
  }

  /** Returns the canonical build mapping, or empty (with a problem) when it has the wrong type. */
  static Optional<ObjectNode> read(String pointer, JsonNode build, ComposeFileReader file) {
    BuildSectionReader reader = new BuildSectionReader(file);
    if (build.isTextual()) {
      ObjectNode result = NODES.objectNode();
      result.put("context", file.interpolate(pointer, build.asText()));
      return Optional.of(result);
    }
    if (!build.isObject()) {
      file.problem(
          pointer, "build must be a string or a mapping, got " + ComposeFileReader.kind(build));
      return Optional.empty();
    }
    return Optional.of(reader.readMapping(pointer, build));
  }

  private ObjectNode readMapping(String pointer, JsonNode build) {
    ObjectNode result = NODES.objectNode();
    for (Map.Entry<String, JsonNode> entry : build.properties()) {
      String key = entry.getKey();
      String keyPointer = YamlDocument.child(pointer, key);
      if (SCALAR_KEYS.contains(key)) {
        file.readScalar(keyPointer, entry.getValue(), "build." + key)
            .ifPresent(text -> result.put(key, text));
      } else if (KEY_VALUE_KEYS.contains(key)) {
        result.set(key, readKeyValues(keyPointer, key, entry.getValue()));
      } else {
        // TODO: check the remaining build keys against the Compose schema, as Compose rejects
        // unknown ones; they are kept as written so that editing them still counts as a change.
        result.set(key, interpolateTree(keyPointer, entry.getValue()));
      }
    }
    return result;
  }

  /** Reads a mapping or a list of {@code KEY=VALUE} strings into a mapping. */
  private ObjectNode readKeyValues(String pointer, String key, JsonNode node) {
    ObjectNode result = NODES.objectNode();
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        String valuePointer = YamlDocument.child(pointer, entry.getKey());
        readValue(valuePointer, key, entry.getValue())
            .ifPresentOrElse(
                value -> result.put(entry.getKey(), value),
                () -> putUnset(result, key, entry.getKey()));
      }
    } else if (node.isArray()) {
      for (int index = 0; index < node.size(); index++) {
        readListEntry(pointer + "/" + index, key, node.get(index), result);
      }
    } else if (!node.isNull()) {
      file.problem(
          pointer,
          "build." + key + " must be a mapping or a list, got " + ComposeFileReader.kind(node));
    }
    return result;
  }

  private Optional<String> readValue(String pointer, String key, JsonNode value) {
    if (value.isNull()) {
      return Optional.empty();
    }
    if (!value.isValueNode()) {
      file.problem(pointer, "a value in build." + key + " must be a string");
      return Optional.empty();
    }
    return Optional.of(file.interpolate(pointer, value.asText()));
  }

  private void readListEntry(String pointer, String key, JsonNode entry, ObjectNode result) {
    if (!entry.isValueNode() || entry.isNull()) {
      file.problem(pointer, "an entry of build." + key + " must be a KEY=VALUE string");
      return;
    }
    String text = file.interpolate(pointer, entry.asText());
    int equals = text.indexOf('=');
    if (equals < 0) {
      putUnset(result, key, text);
    } else {
      result.put(text.substring(0, equals), text.substring(equals + 1));
    }
  }

  /**
   * Handles a key without a value: a build arg takes it from the environment and is left out when
   * the environment lacks it, as Compose does; a label or context gets an empty string.
   */
  private void putUnset(ObjectNode result, String key, String name) {
    if (!key.equals("args")) {
      result.put(name, "");
      return;
    }
    String value = file.environmentValue(name);
    if (value != null) {
      result.put(name, value);
    }
  }

  private JsonNode interpolateTree(String pointer, JsonNode node) {
    if (node.isTextual()) {
      return NODES.textNode(file.interpolate(pointer, node.asText()));
    }
    if (node.isArray()) {
      ArrayNode result = NODES.arrayNode();
      for (int index = 0; index < node.size(); index++) {
        result.add(interpolateTree(pointer + "/" + index, node.get(index)));
      }
      return result;
    }
    if (node.isObject()) {
      ObjectNode result = NODES.objectNode();
      node.properties()
          .forEach(
              entry ->
                  result.set(
                      entry.getKey(),
                      interpolateTree(
                          YamlDocument.child(pointer, entry.getKey()), entry.getValue())));
      return result;
    }
    return node.deepCopy();
  }
}
