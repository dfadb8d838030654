package dev.rebuildplan.compose;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;

/**
 * A compose project as read from one snapshot of the repository, with the problems found reading
 * it; services are in the order the files declare them.
 *
 * @param name the project name
 * @param directory the repository-relative project folder that relative paths start from
 * @param files the repository-relative compose files, in merge order
 * @param services the services by name
 * @param problems what was wrong; the other fields hold what could be read regardless
 */
public record ComposeProject(
    String name,
    String directory,
    ImmutableList<String> files,
    ImmutableMap<String, ComposeService> services,
    ImmutableList<ComposeProblem> problems) {

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  public Optional<ComposeService> service(String name) {
    return Optional.ofNullable(services.get(name));
  }

  /** Returns the build definition of every built service, by service name. */
  public ImmutableMap<String, BuildSpec> buildSpecs() {
    ImmutableMap.Builder<String, BuildSpec> result = ImmutableMap.builder();
    services
        .values()
        .forEach(service -> service.build().ifPresent(b -> result.put(service.name(), b)));
    return result.build();
  }

  /**
   * Returns the built service whose image a Dockerfile's {@code FROM} names, comparing both
   * normalized as Docker does, so {@code x}, {@code x:latest} and {@code docker.io/library/x} are
   * one image.
   */
  public Optional<ComposeService> serviceBuildingImage(String fromReference) {
    // TODO: report two built services naming the same image; the first one wins silently here.
    String wanted = ImageReference.normalize(fromReference);
    return services.values().stream()
        .filter(ComposeService::isBuilt)
        .filter(service -> ImageReference.normalize(service.image()).equals(wanted))
        .findFirst();
  }
}
