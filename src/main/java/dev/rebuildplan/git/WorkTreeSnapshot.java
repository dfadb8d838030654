package dev.rebuildplan.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The files of the work tree as they are on disk, for plans that count uncommitted changes. */
final class WorkTreeSnapshot implements Snapshot {
  private final Path top;

  WorkTreeSnapshot(Path top) {
    this.top = top;
  }

  @Override
  public Optional<String> read(String path) throws IOException {
    Path file = top.resolve(path).normalize();
    if (path.isEmpty() || !file.startsWith(top) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<String> realPath(String path) throws IOException {
    Path file = top.resolve(path).normalize();
    if (path.isEmpty() || !Files.exists(file)) {
      return Optional.empty();
    }
    Path real = file.toRealPath();
    Path realTop = top.toRealPath();
    return real.startsWith(realTop)
        ? Optional.of(realTop.relativize(real).toString().replace('\\', '/'))
        : Optional.empty();
  }

  @Override
  public List<String> files(String folder) throws IOException {
    Path start = folder.isEmpty() ? top : top.resolve(folder);
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(start)) {
      return paths
          .filter(Files::isRegularFile)
          .map(path -> top.relativize(path).toString().replace('\\', '/'))
          .filter(path -> !path.equals(".git") && !path.startsWith(".git/"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  @Override
  public boolean isFolder(String folder) {
    Path path = top.resolve(folder).normalize();
    return path.startsWith(top) && Files.isDirectory(path);
  }

  @Override
  public String label() {
    return "work tree";
  }
}
