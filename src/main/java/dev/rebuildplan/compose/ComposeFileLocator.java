package dev.rebuildplan.compose;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/** Finds the compose files of an invocation, as {@code docker compose} does. */
final class ComposeFileLocator {
  /** Compose's default file names, most preferred first. */
  static final ImmutableList<String> DEFAULT_FILES =
      ImmutableList.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml");

  /** The override files Compose adds to a default file found in the same folder. */
  static final ImmutableList<String> OVERRIDE_FILES =
      ImmutableList.of(
          "compose.override.yml",
          "compose.override.yaml",
          "docker-compose.override.yml",
          "docker-compose.override.yaml");

  private ComposeFileLocator() {}

  /**
   * Returns the repository-relative files in merge order: the {@code -f} files (or {@code
   * COMPOSE_FILE}) when given, else the first default file found in the folder or the nearest
   * parent holding one, followed by the first override file beside it; empty when none exists.
   */
  static ImmutableList<String> locate(ProjectFiles files, ComposeInvocation invocation) {
    List<String> explicit = explicitFiles(invocation);
    if (!explicit.isEmpty()) {
      return explicit.stream()
          .map(file -> RepoPaths.resolve(invocation.folder(), file).orElse(file))
          .collect(ImmutableList.toImmutableList());
    }
    String folder = invocation.folder();
    while (true) {
      Optional<String> found = firstExisting(files, folder, DEFAULT_FILES);
      if (found.isPresent()) {
        ImmutableList.Builder<String> result = ImmutableList.<String>builder().add(found.get());
        firstExisting(files, folder, OVERRIDE_FILES).ifPresent(result::add);
        return result.build();
      }
      if (folder.equals(RepoPaths.ROOT)) {
        return ImmutableList.of();
      }
      folder = RepoPaths.parent(folder);
    }
  }

  private static List<String> explicitFiles(ComposeInvocation invocation) {
    if (!invocation.files().isEmpty()) {
      return invocation.files();
    }
    String variable = invocation.environment().getOrDefault("COMPOSE_FILE", "");
    String separator = invocation.environment().getOrDefault("COMPOSE_PATH_SEPARATOR", ":");
    return Splitter.on(separator).omitEmptyStrings().splitToList(variable);
  }

  private static Optional<String> firstExisting(
      ProjectFiles files, String folder, List<String> names) {
    return names.stream()
        .map(name -> RepoPaths.resolve(folder, name).orElseThrow())
        .filter(path -> files.read(path).isPresent())
        .findFirst();
  }
}
