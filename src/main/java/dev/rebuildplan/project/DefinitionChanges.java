package dev.rebuildplan.project;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.rebuildplan.compose.BuildSpec;
import dev.rebuildplan.compose.ComposeProject;
import dev.rebuildplan.compose.ComposeService;
import dev.rebuildplan.core.Reason;
import java.util.List;
import java.util.Map;

/**
 * What changed in the compose project's build definitions between two revisions: services whose
 * {@code build} section changed or that are new (they must build), and removed services (listed,
 * never built). A built service's image name counts too: a new name needs a build to exist. Edits
 * elsewhere in the file (ports, environment, other services) change nothing.
 *
 * @param rebuild the services that must build, each with why
 * @param removed the services built at the base that the head no longer builds
 */
public record DefinitionChanges(
    ImmutableMap<String, ImmutableList<Reason>> rebuild, ImmutableList<String> removed) {

  public static DefinitionChanges between(ComposeProject base, ComposeProject head) {
    Map<String, BuildSpec> before = base.files().isEmpty() ? Map.of() : base.buildSpecs();
    Map<String, BuildSpec> after = head.buildSpecs();
    String file = head.files().isEmpty() ? "the compose file" : String.join(" + ", head.files());
    ImmutableMap.Builder<String, ImmutableList<Reason>> rebuild = ImmutableMap.builder();
    after.forEach(
        (service, spec) -> {
          BuildSpec old = before.get(service);
          if (old == null) {
            rebuild.put(service, reason("service " + service + " is new in " + file));
          } else if (!old.canonicalJson().equals(spec.canonicalJson())) {
            rebuild.put(service, reason("its build section in " + file + " changed"));
          } else if (!imageOf(base, service).equals(imageOf(head, service))) {
            // The image is tagged with its name: a new name needs a build to exist at all.
            rebuild.put(service, reason("its image name in " + file + " changed"));
          }
        });
    ImmutableList<String> removed =
        before.keySet().stream()
            .filter(service -> !after.containsKey(service))
            .sorted()
            .collect(ImmutableList.toImmutableList());
    return new DefinitionChanges(rebuild.buildOrThrow(), removed);
  }

  private static String imageOf(ComposeProject project, String service) {
    return project.service(service).map(ComposeService::image).orElse("");
  }

  private static ImmutableList<Reason> reason(String detail) {
    return ImmutableList.of(new Reason.Definition(detail));
  }

  public static DefinitionChanges none() {
    return new DefinitionChanges(ImmutableMap.of(), ImmutableList.of());
  }

  List<String> rebuiltServices() {
    return rebuild.keySet().asList();
  }
}
