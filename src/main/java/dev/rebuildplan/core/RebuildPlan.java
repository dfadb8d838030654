package dev.rebuildplan.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * The images to rebuild, in stages: every image builds after each of its parents in the plan, and
 * the images of one stage, sorted by name, may build in parallel.
 *
 * @param stages image names per stage, first stage first; empty when nothing needs building
 * @param images every planned image by name, in stage order
 * @param unmatchedPaths changed paths inside the rules' root that no rule or ignore matched
 * @param warnings notes for the user, such as a capture that names no declared image
 */
public record RebuildPlan(
    ImmutableList<ImmutableList<String>> stages,
    ImmutableMap<String, PlannedImage> images,
    ImmutableList<String> unmatchedPaths,
    ImmutableList<String> warnings) {

  public boolean isEmpty() {
    return stages.isEmpty();
  }
}
