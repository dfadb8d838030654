package dev.rebuildplan.compose;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.rebuildplan.compose.YamlDocument.Position;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a Jackson tree, resolving anchors, aliases and {@code <<} merge keys, which
 * Jackson's own tree reading leaves as plain strings, and remembering where each node starts and
 * which nodes carry Compose's {@code !reset} or {@code !override} tag.
 */
final class YamlTreeReader {
  private static final YAMLFactory FACTORY = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String MERGE_KEY = "<<";
  // Jackson's YAMLParser.getTypeId() gives a node's tag without its leading '!'.
  private static final String RESET_TAG = "reset";
  private static final String OVERRIDE_TAG = "override";

  private final String file;
  private final YAMLParser parser;
  private final Map<String, JsonNode> anchors = new HashMap<>();
  private final Map<String, Position> positions = new HashMap<>();
  private final Set<String> replacedPointers = new LinkedHashSet<>();

  private YamlTreeReader(String file, YAMLParser parser) {
    this.file = file;
    this.parser = parser;
  }

  /**
   * Parses the first YAML document of {@code text}.
   *
   * @throws ComposeFileException when the text is not YAML, or repeats a key in a mapping
   */
  static YamlDocument read(String file, String text) throws ComposeFileException {
    try (YAMLParser parser = FACTORY.createParser(text)) {
      YamlTreeReader reader = new YamlTreeReader(file, parser);
      // TODO: read the further documents of a multi-document file, which Compose merges in.
      JsonNode root = parser.nextToken() == null ? null : reader.readValue("");
      return new YamlDocument(
          file,
          root == null ? NODES.nullNode() : root,
          ImmutableMap.copyOf(reader.positions),
          ImmutableSet.copyOf(reader.replacedPointers));
    } catch (StreamReadException e) {
      throw new ComposeFileException(syntaxProblem(file, e));
    } catch (IOException e) {
      // Reading from a String performs no I/O, so this is a bug, not bad input.
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the node at the current token, or null for one tagged {@code !reset}. */
  private JsonNode readValue(String pointer) throws IOException, ComposeFileException {
    positions.put(pointer, positionOf(parser.currentTokenLocation()));
    if (parser.isCurrentAlias()) {
      return resolveAlias(pointer);
    }
    String tag = parser.getTypeId();
    if (RESET_TAG.equals(tag) || OVERRIDE_TAG.equals(tag)) {
      replacedPointers.add(pointer);
    }
    if (RESET_TAG.equals(tag)) {
      parser.skipChildren();
      return null;
    }
    String anchor = parser.getObjectId();
    JsonNode node =
        switch (parser.currentToken()) {
          case START_OBJECT -> readObject(pointer);
          case START_ARRAY -> readArray(pointer);
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
          case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(parser.getBooleanValue());
          case VALUE_NULL -> NODES.nullNode();
          default -> NODES.textNode(parser.getText());
        };
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  private JsonNode resolveAlias(String pointer) throws IOException, ComposeFileException {
    JsonNode target = anchors.get(parser.getText());
    if (target == null) {
      throw new ComposeFileException(
          problemAt(pointer, "alias *" + parser.getText() + " names no anchor defined before it"));
    }
    return target.deepCopy();
  }

  private ObjectNode readObject(String pointer) throws IOException, ComposeFileException {
    ObjectNode object = NODES.objectNode();
    List<JsonNode> mergeSources = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      String keyPointer = YamlDocument.child(pointer, key);
      Position keyPosition = positionOf(parser.currentTokenLocation());
      parser.nextToken();
      JsonNode value = readValue(keyPointer);
      if (value == null) {
        continue;
      }
      if (key.equals(MERGE_KEY)) {
        mergeSources.add(value);
      } else if (object.has(key)) {
        throw new ComposeFileException(
            problemAt(keyPosition, "mapping key '" + key + "' is already defined"));
      } else {
        object.set(key, value);
      }
    }
    for (JsonNode source : mergeSources) {
      applyMergeKey(object, source, pointer);
    }
    return object;
  }

  /** Adds the entries of merge-key mappings that the mapping does not set itself. */
  private void applyMergeKey(ObjectNode object, JsonNode source, String pointer)
      throws ComposeFileException {
    if (source.isArray()) {
      for (JsonNode element : source) {
        applyMergeKey(object, element, pointer);
      }
      return;
    }
    String mergePointer = YamlDocument.child(pointer, MERGE_KEY);
    if (!source.isObject()) {
      throw new ComposeFileException(
          problemAt(mergePointer, "a merge key (<<) needs a mapping or a list of mappings"));
    }
    source
        .properties()
        .forEach(
            entry -> {
              if (!object.has(entry.getKey())) {
                object.set(entry.getKey(), entry.getValue().deepCopy());
                positions.putIfAbsent(
                    YamlDocument.child(pointer, entry.getKey()), positions.get(mergePointer));
              }
            });
  }

  private ArrayNode readArray(String pointer) throws IOException, ComposeFileException {
    ArrayNode array = NODES.arrayNode();
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      JsonNode element = readValue(pointer + "/" + index++);
      if (element != null) {
        array.add(element);
      }
    }
    return array;
  }

  private ComposeProblem problemAt(String pointer, String message) {
    return problemAt(positions.get(pointer), message);
  }

  private ComposeProblem problemAt(Position position, String message) {
    return new ComposeProblem(file, position.line(), position.column(), message);
  }

  private static Position positionOf(JsonLocation location) {
    return new Position(location.getLineNr(), location.getColumnNr());
  }

  private static ComposeProblem syntaxProblem(String file, StreamReadException e) {
    // Jackson wraps SnakeYAML's exception, whose problem mark is the place to show; Jackson's own
    // location is that of the last token read, often lines earlier.
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      return markedProblem(file, marked);
    }
    String message = "not valid YAML: " + e.getOriginalMessage();
    JsonLocation location = e.getLocation();
    if (location == null || location.getLineNr() <= 0) {
      return ComposeProblem.inFile(file, message);
    }
    return new ComposeProblem(file, location.getLineNr(), location.getColumnNr(), message);
  }

  /** Words the YAML parser's problem on one line, at its mark rather than at the last token. */
  private static ComposeProblem markedProblem(String file, MarkedYAMLException e) {
    StringBuilder message = new StringBuilder("not valid YAML: ").append(e.getProblem());
    Mark contextMark = e.getContextMark();
    if (e.getContext() != null && contextMark != null) {
      message
          .append(" ")
          .append(e.getContext())
          .append(" that starts at line ")
          .append(contextMark.getLine() + 1)
          .append(", column ")
          .append(contextMark.getColumn() + 1);
    }
    Mark mark = e.getProblemMark();
    return new ComposeProblem(file, mark.getLine() + 1, mark.getColumn() + 1, message.toString());
  }
}
