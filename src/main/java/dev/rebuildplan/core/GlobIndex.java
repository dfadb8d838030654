package dev.rebuildplan.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Globs keyed by their literal prefix, so that a path is tested only against the globs that can
 * match it: those whose prefix is one of the path's folders (or the path itself), plus the globs
 * with no literal prefix. A lookup costs one hash probe per folder level of the path.
 */
final class GlobIndex<T> {
  private final Map<String, List<Entry<T>>> byPrefix = new HashMap<>();

  private record Entry<T>(Glob glob, T value) {}

  void add(Glob glob, T value) {
    byPrefix
        .computeIfAbsent(glob.literalPrefix(), prefix -> new ArrayList<>())
        .add(new Entry<>(glob, value));
  }

  /** Calls the consumer with every glob that matches the path, and its value. */
  void forEachMatch(String path, BiConsumer<Glob, T> consumer) {
    visit(byPrefix.get(""), path, consumer);
    int slash = -1;
    while ((slash = path.indexOf('/', slash + 1)) >= 0) {
      visit(byPrefix.get(path.substring(0, slash + 1)), path, consumer);
    }
    visit(byPrefix.get(path), path, consumer);
  }

  boolean anyMatch(String path) {
    boolean[] found = {false};
    forEachMatch(path, (glob, value) -> found[0] = true);
    return found[0];
  }

  private static <T> void visit(List<Entry<T>> entries, String path, BiConsumer<Glob, T> consumer) {
    if (entries == null) {
      return;
    }
    for (Entry<T> entry : entries) {
      if (entry.glob().matches(path)) {
        consumer.accept(entry.glob(), entry.value());
      }
    }
  }
}
