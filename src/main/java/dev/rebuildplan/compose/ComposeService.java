package dev.rebuildplan.compose;

import com.google.common.collect.ImmutableSet;
import java.util.Optional;
import java.util.Set;

/**
 * One service of a compose project.
 *
 * @param name the service name
 * @param image the image the service runs: its {@code image}, or Compose's default {@code
 *     <project>-<service>} for a built service without one
 * @param build how the service is built; empty for a stock image, which is never built
 * @param profiles the profiles that enable the service; empty when it is always enabled
 */
public record ComposeService(
    String name, String image, Optional<BuildSpec> build, ImmutableSet<String> profiles) {

  public boolean isBuilt() {
    return build.isPresent();
  }

  /** Returns whether Compose includes the service when {@code activeProfiles} are enabled. */
  public boolean isEnabled(Set<String> activeProfiles) {
    return profiles.isEmpty()
        || activeProfiles.contains("*")
        || profiles.stream().anyMatch(activeProfiles::contains);
  }
}
