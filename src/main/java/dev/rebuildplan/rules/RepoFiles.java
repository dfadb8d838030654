package dev.rebuildplan.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The repository files rules are read from and checked against: a revision's (so that a plan for
 * {@code --base A --head B} does not depend on the checkout), or the work tree's.
 */
public interface RepoFiles {
  /** The text of a repository-relative file, empty when there is none. */
  Optional<String> read(String path) throws IOException;

  /** Whether a repository-relative folder ("" for the top) exists. */
  boolean isFolder(String folder) throws IOException;

  /** The files of the work tree under {@code top}. */
  static RepoFiles workTree(Path top) {
    return new RepoFiles() {
      @Override
      public Optional<String> read(String path) throws IOException {
        Path file = top.resolve(path);
        return Files.isRegularFile(file)
            ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
            : Optional.empty();
      }

      @Override
      public boolean isFolder(String folder) {
        return Files.isDirectory(top.resolve(folder));
      }
    };
  }
}
