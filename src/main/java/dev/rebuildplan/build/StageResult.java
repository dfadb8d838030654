package dev.rebuildplan.build;

import com.google.common.collect.ImmutableList;

/** How one stage of a build went. */
public record StageResult(
    int stage, ImmutableList<String> images, Outcome outcome, int exitCode, double seconds) {

  /** What became of a stage. */
  public enum Outcome {
    OK,
    FAILED,
    /** Never started, because an earlier stage failed or the build was interrupted. */
    NOT_RUN,
    INTERRUPTED
  }
}
