package dev.rebuildplan.project;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.rebuildplan.core.PathRule;
import dev.rebuildplan.docker.CopySource;
import dev.rebuildplan.docker.DockerIgnore;
import java.util.Optional;

/**
 * What one built service's image is made of, as its Dockerfile and ignore file say.
 *
 * @param service the compose service
 * @param contextPrefix the repository-relative build context, "" or ending in '/'
 * @param dockerfile the repository-relative Dockerfile, when it is a file of the repository
 * @param ignoreFile the repository-relative ignore file in force, if any
 * @param copies the context sources the built stages copy, each with where it is written
 * @param ignore the ignore rules in force
 * @param additionalContexts local additional build contexts by name, each a repository-relative
 *     folder ending in '/': every file in one counts as an input
 * @param linkTargets the files a symlinked Dockerfile or ignore file points to
 */
public record ServiceInputs(
    String service,
    String contextPrefix,
    Optional<String> dockerfile,
    Optional<String> ignoreFile,
    ImmutableList<CopiedSource> copies,
    DockerIgnore ignore,
    ImmutableMap<String, String> additionalContexts,
    ImmutableSet<String> linkTargets) {

  /** One COPY/ADD source of a built stage, and where it is written ("Dockerfile.cloud:12"). */
  public record CopiedSource(CopySource source, String instruction, String location) {
    public String describe() {
      boolean copyLine = instruction.matches("[A-Z]+");
      return copyLine
          ? instruction + " " + source.pattern() + " (" + location + ")"
          : instruction + " (" + location + ")";
    }
  }

  /** Whether a repository-relative path is an input of the image: copied and not ignored. */
  public boolean isInput(String path) {
    return copiedBy(path).isPresent();
  }

  /** The first COPY/ADD that takes a repository-relative path into the image, if any does. */
  public Optional<CopiedSource> copiedBy(String path) {
    if (!path.startsWith(contextPrefix)) {
      return Optional.empty();
    }
    String relative = path.substring(contextPrefix.length());
    if (ignore.isIgnored(relative)) {
      return Optional.empty();
    }
    return copies.stream().filter(copy -> takesIn(copy, relative)).findFirst();
  }

  /** The local additional context a repository-relative path lies in, described, if any. */
  public Optional<String> additionalContextOf(String path) {
    return additionalContexts.entrySet().stream()
        .filter(context -> path.startsWith(context.getValue()))
        .map(context -> "additional context " + context.getKey() + " (" + context.getValue() + ")")
        .findFirst();
  }

  /** The path filter of a derived rule for one copy: what the copy does not take in. */
  PathRule.PathFilter notCopiedBy(CopiedSource copy) {
    return path -> {
      if (!path.startsWith(contextPrefix)) {
        return true;
      }
      String relative = path.substring(contextPrefix.length());
      return !takesIn(copy, relative) || ignore.isIgnored(relative);
    };
  }

  /**
   * Whether a copy takes a context-relative path in: the path matches the source, or the path is a
   * folder above the source's own path, which a change names only when it is a submodule whose bump
   * changes what the source copies.
   */
  private static boolean takesIn(CopiedSource copy, String relative) {
    if (copy.source().matches(relative)) {
      return true;
    }
    return copy.source().liesUnder(relative);
  }
}
