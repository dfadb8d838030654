package dev.rebuildplan.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Merges canonical compose models in file order by Compose's rules: mappings merge by key,
 * sequences append, and a later scalar replaces an earlier one.
 */
final class ModelMerger {
  private ModelMerger() {}

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
      // TODO: honour the !reset and !override tags, which Jackson's tree drops, so that an
      // override file can replace a sequence instead of appending to it.
      baseArray.addAll(overrideArray);
      return baseArray;
    }
    return override.deepCopy();
  }
}
