package dev.rebuildplan.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.base.Splitter;
import java.util.List;
import java.util.Set;

/**
 * Merges canonical compose models in file order by Compose's rules: mappings merge by key,
 * sequences append, and a later scalar replaces an earlier one; a node tagged {@code !reset} or
 * {@code !override} first removes what the earlier files set at its place.
 */
final class ModelMerger {
  private ModelMerger() {}

  /**
   * Removes from {@code base} the nodes at {@code replacedPointers}, then merges {@code override}
   * into it; {@code base} is changed.
   */
  static void merge(ObjectNode base, ObjectNode override, Set<String> replacedPointers) {
    replacedPointers.forEach(pointer -> remove(base, pointer));
    merge(base, override);
  }

  /** Merges {@code override} into {@code base}, which it changes. */
  static void merge(ObjectNode base, ObjectNode override) {
    override
        .properties()
        .forEach(
            entry -> base.set(entry.getKey(), merged(base.get(entry.getKey()), entry.getValue())));
  }

  private static JsonNode merged(JsonNode base, JsonNode override) {
    if (base instanceof ObjectNode baseObject && override instanceof ObjectNode overrideObject) {
      merge(baseObject, overrideObject);
      return baseObject;
    }
    if (base instanceof ArrayNode baseArray && override instanceof ArrayNode overrideArray) {
      baseArray.addAll(overrideArray);
      return baseArray;
    }
    return override.deepCopy();
  }

  /**
   * Removes the mapping entry at {@code pointer}. Like Compose, it does not remove single elements
   * of a sequence; a pointer through one changes nothing.
   */
  private static void remove(ObjectNode root, String pointer) {
    List<String> keys =
        Splitter.on('/').splitToStream(pointer).skip(1).map(ModelMerger::unescape).toList();
    if (keys.isEmpty()) {
      // A tag on the whole document names no key; Compose keeps the earlier files then too.
      return;
    }
    JsonNode parent = root;
    for (String key : keys.subList(0, keys.size() - 1)) {
      parent = parent.path(key);
    }
    if (parent instanceof ObjectNode parentObject) {
      parentObject.remove(keys.get(keys.size() - 1));
    }
  }

  private static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }
}
