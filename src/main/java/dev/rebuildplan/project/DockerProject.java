package dev.rebuildplan.project;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.rebuildplan.compose.ComposeProject;
import dev.rebuildplan.core.Glob;
import dev.rebuildplan.core.Image;
import dev.rebuildplan.core.PathRule;
import dev.rebuildplan.core.RuleSet;
import dev.rebuildplan.core.UnmatchedPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A compose project read as the truth of what each image is built from: the images and their FROM
 * edges, and one derived rule per COPY/ADD source, Dockerfile and ignore file.
 *
 * @param compose the compose project as read at the head
 * @param images every service as an image: built ones with their parents, stock ones
 * @param inputs what each built service's image is made of, by service name
 * @param warnings what could not be read exactly and was counted conservatively instead
 */
public record DockerProject(
    ComposeProject compose,
    ImmutableList<Image> images,
    ImmutableMap<String, ServiceInputs> inputs,
    ImmutableList<String> warnings) {

  /** The derived rules: paths relative to the repository's top, unmatched paths ignored. */
  public RuleSet toRuleSet() {
    ImmutableList.Builder<PathRule> rules = ImmutableList.builder();
    for (ServiceInputs service : inputs.values()) {
      ImmutableList<String> image = ImmutableList.of(service.service());
      for (ServiceInputs.CopiedSource copy : service.copies()) {
        rules.add(
            new PathRule(
                underFolder(service.contextPrefix()),
                image,
                PathRule.Source.DOCKERFILE,
                copy.describe(),
                service.notCopiedBy(copy)));
      }
      service.dockerfile().ifPresent(file -> rules.add(exact(file, image, "its Dockerfile")));
      service.ignoreFile().ifPresent(file -> rules.add(exact(file, image, "its ignore file")));
      for (String target : service.linkTargets()) {
        rules.add(exact(target, image, "the file its Dockerfile or ignore file links to:"));
      }
      for (String folder : enclosingFolders(service)) {
        rules.add(exact(folder, image, "a submodule holding its build inputs:"));
      }
      service
          .additionalContexts()
          .forEach(
              (name, folder) ->
                  rules.add(
                      new PathRule(
                          underFolder(folder),
                          image,
                          PathRule.Source.DOCKERFILE,
                          "additional context " + name + " (" + folder + ")",
                          PathRule.PathFilter.NONE)));
    }
    return new RuleSet("", rules.build(), ImmutableList.of(), UnmatchedPolicy.IGNORE);
  }

  /**
   * The folders that enclose the build context, Dockerfile or additional contexts. Such a path
   * changes as a whole only when it is a submodule (a gitlink), and then the image changes.
   */
  private static Set<String> enclosingFolders(ServiceInputs service) {
    Set<String> folders = new TreeSet<>();
    List<String> paths = new ArrayList<>();
    paths.add(service.contextPrefix());
    service.dockerfile().ifPresent(paths::add);
    paths.addAll(service.additionalContexts().values());
    for (String path : paths) {
      for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
        folders.add(path.substring(0, slash));
      }
    }
    return folders;
  }

  private static PathRule exact(String path, ImmutableList<String> image, String what) {
    return new PathRule(
        Glob.literal(path),
        image,
        PathRule.Source.DOCKERFILE,
        what + " " + path,
        PathRule.PathFilter.NONE);
  }

  private static Glob underFolder(String prefix) {
    return prefix.isEmpty() ? Glob.compile("**") : Glob.literal(prefix).under();
  }
}
