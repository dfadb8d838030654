package dev.rebuildplan.compose;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * How docker compose is run: in which repository folder, with which {@code -f} files and {@code -p}
 * project name, and with which environment for interpolation.
 *
 * @param folder the repository-relative folder compose runs in, "." for the repository root
 * @param files the {@code -f} files relative to {@code folder}, empty for Compose's default files
 * @param projectName the {@code -p} project name, if given
 * @param environment the variables for interpolation, such as {@code COMPOSE_PROJECT_NAME}
 * @param repositoryFolderName the name of the repository's folder on disk, which names the project
 *     when it lies at the repository root; empty when unknown
 */
public record ComposeInvocation(
    String folder,
    ImmutableList<String> files,
    Optional<String> projectName,
    ImmutableMap<String, String> environment,
    String repositoryFolderName) {

  // TODO: support --project-directory, which moves the folder relative paths start from.
  public ComposeInvocation {
    String given = folder;
    folder =
        RepoPaths.normalize(given)
            .orElseThrow(
                () -> new IllegalArgumentException("folder " + given + " leaves the repository"));
  }

  /** Returns an invocation in {@code folder} with default files and no environment. */
  public static ComposeInvocation inFolder(String folder) {
    return new ComposeInvocation(
        folder, ImmutableList.of(), Optional.empty(), ImmutableMap.of(), "");
  }

  public ComposeInvocation withFiles(String... files) {
    return new ComposeInvocation(
        folder,
        ImmutableList.copyOf(Arrays.asList(files)),
        projectName,
        environment,
        repositoryFolderName);
  }

  public ComposeInvocation withProjectName(String name) {
    return new ComposeInvocation(
        folder, files, Optional.of(name), environment, repositoryFolderName);
  }

  public ComposeInvocation withEnvironment(Map<String, String> variables) {
    return new ComposeInvocation(
        folder, files, projectName, ImmutableMap.copyOf(variables), repositoryFolderName);
  }

  public ComposeInvocation withRepositoryFolderName(String name) {
    return new ComposeInvocation(folder, files, projectName, environment, name);
  }
}
