package dev.rebuildplan.compose;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Optional;

/**
 * A service's {@code build} section after merging, interpolation and path resolution. Two revisions
 * built the service the same way exactly when their specs are equal; {@link #canonicalJson} carries
 * the keys that have no field of their own, such as {@code cache_from}.
 *
 * @param context the repository-relative context folder, or as written when not local
 * @param localContext whether the context is a folder of the repository; false for a URL, a git
 *     remote, or a path that leaves the repository
 * @param dockerfile the repository-relative Dockerfile for a local context; otherwise as written
 *     (relative to the remote context), or empty when the Dockerfile is inline
 * @param args the build arguments, sorted by name
 * @param target the stage to build, if set
 * @param additionalContexts named contexts, sorted by name: repository-relative folders for local
 *     paths; {@code service:NAME}, image and URL contexts as written
 * @param network the network for RUN instructions, if set
 * @param canonicalJson the whole section as JSON with sorted keys and resolved paths
 */
public record BuildSpec(
    String context,
    boolean localContext,
    String dockerfile,
    ImmutableMap<String, String> args,
    Optional<String> target,
    ImmutableMap<String, String> additionalContexts,
    Optional<String> network,
    String canonicalJson) {

  static final String SERVICE_CONTEXT_PREFIX = "service:";
  static final String IMAGE_CONTEXT_PREFIX = "docker-image://";

  /** Returns the repository-relative Dockerfile, when it is a file of the repository. */
  public Optional<String> dockerfilePath() {
    return localContext && !dockerfile.isEmpty() ? Optional.of(dockerfile) : Optional.empty();
  }

  /** Returns the services named by {@code service:NAME} additional contexts, built first. */
  public ImmutableSet<String> serviceContexts() {
    return additionalContexts.values().stream()
        .filter(value -> value.startsWith(SERVICE_CONTEXT_PREFIX))
        .map(value -> value.substring(SERVICE_CONTEXT_PREFIX.length()))
        .collect(ImmutableSet.toImmutableSet());
  }

  /**
   * Returns the image references given as {@code docker-image://NAME} additional contexts, without
   * the scheme; such an image, when another service of the project builds it, is used like a {@code
   * FROM}.
   */
  public ImmutableSet<String> imageContexts() {
    return additionalContexts.values().stream()
        .filter(value -> value.startsWith(IMAGE_CONTEXT_PREFIX))
        .map(value -> value.substring(IMAGE_CONTEXT_PREFIX.length()))
        .collect(ImmutableSet.toImmutableSet());
  }
}
