package dev.rebuildplan.compose;

import java.util.Optional;

/** The text of files in one snapshot of the repository: a git revision's tree or the work tree. */
@FunctionalInterface
public interface ProjectFiles {
  /**
   * Returns the content of a file, or empty when no file exists at that path.
   *
   * @param repoRelativePath a '/'-separated path from the repository root, without a leading '/'
   */
  Optional<String> read(String repoRelativePath);
}
