package dev.rebuildplan.project;

import com.google.common.collect.ImmutableList;
import dev.rebuildplan.core.ImageGraph;
import dev.rebuildplan.core.PathRule;
import dev.rebuildplan.core.Planner;
import dev.rebuildplan.core.RuleSet;
import dev.rebuildplan.core.UnmatchedPathsException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares hand-written rules with what the Dockerfiles really copy: each input of an image that no
 * rule maps to it (a rebuild the rules would miss), and each rule whose paths an image it names
 * never copies (over-building).
 */
public final class RulesCheck {
  /** One finding, as one line for the user. */
  public record Finding(Kind kind, String image, String line) {}

  /** What a finding says. */
  public enum Kind {
    /** A path an image is built from that the rules do not map to it. */
    MISSED,
    /** A rule that maps paths to an image that copies none of them. */
    OVER_BUILDING
  }

  private RulesCheck() {}

  /** Checks the rules against the project, over every file of the revision. */
  public static ImmutableList<Finding> check(
      DockerProject project, RuleSet rules, ImageGraph rulesGraph, Collection<String> files) {
    Planner planner = new Planner(rules, rulesGraph);
    List<Finding> findings = new ArrayList<>();
    for (String file : files) {
      Set<String> planned = plannedImages(planner, file);
      for (ServiceInputs inputs : project.inputs().values()) {
        Optional<String> why = inputOf(inputs, file);
        if (why.isPresent() && !planned.contains(inputs.service())) {
          findings.add(
              new Finding(
                  Kind.MISSED,
                  inputs.service(),
                  "missed: "
                      + inputs.service()
                      + " is built from "
                      + file
                      + " ("
                      + why.get()
                      + "); no rule maps it to "
                      + inputs.service()));
        }
      }
    }
    findings.addAll(overBuilding(project, rules, files));
    return ImmutableList.copyOf(findings);
  }

  private static Set<String> plannedImages(Planner planner, String file) {
    try {
      return planner.plan(List.of(file)).images().keySet();
    } catch (UnmatchedPathsException e) {
      return Set.of();
    }
  }

  private static Optional<String> inputOf(ServiceInputs inputs, String file) {
    if (inputs.dockerfile().filter(file::equals).isPresent()) {
      return Optional.of("its Dockerfile");
    }
    if (inputs.linkTargets().contains(file)) {
      return Optional.of("the file its Dockerfile or ignore file links to");
    }
    if (inputs.ignoreFile().filter(file::equals).isPresent()) {
      return Optional.of("its ignore file");
    }
    Optional<String> copied = inputs.copiedBy(file).map(ServiceInputs.CopiedSource::describe);
    return copied.isPresent() ? copied : inputs.additionalContextOf(file);
  }

  private static List<Finding> overBuilding(
      DockerProject project, RuleSet rules, Collection<String> files) {
    List<Finding> findings = new ArrayList<>();
    for (PathRule rule : rules.rules()) {
      Map<String, List<String>> filesByImage = matchedFiles(rule, rules.root(), files);
      filesByImage.forEach(
          (image, matched) -> {
            ServiceInputs inputs = project.inputs().get(image);
            if (inputs != null
                && matched.stream().noneMatch(file -> inputOf(inputs, file).isPresent())) {
              findings.add(
                  new Finding(
                      Kind.OVER_BUILDING,
                      image,
                      "over-building: rule '"
                          + rule
                          + "' maps "
                          + matched.size()
                          + " file(s) to "
                          + image
                          + ", first "
                          + matched.get(0)
                          + "; "
                          + image
                          + " is built from none of them"));
            }
          });
    }
    return findings;
  }

  private static Map<String, List<String>> matchedFiles(
      PathRule rule, String root, Collection<String> files) {
    Map<String, List<String>> byImage = new LinkedHashMap<>();
    for (String file : files) {
      if (!file.startsWith(root)) {
        continue;
      }
      rule.glob()
          .match(file.substring(root.length()))
          .ifPresent(
              captures -> {
                for (String image : rule.imagesFor(captures)) {
                  byImage.computeIfAbsent(image, name -> new ArrayList<>()).add(file);
                }
              });
    }
    return byImage;
  }
}
