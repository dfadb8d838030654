package dev.rebuildplan.compose;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Files of one test revision, held in memory. */
final class InMemoryFiles implements ProjectFiles {
  private final Map<String, String> contents = new HashMap<>();

  InMemoryFiles with(String path, String content) {
    contents.put(path, content);
    return this;
  }

  @Override
  public Optional<String> read(String repoRelativePath) {
    return Optional.ofNullable(contents.get(repoRelativePath));
  }
}
