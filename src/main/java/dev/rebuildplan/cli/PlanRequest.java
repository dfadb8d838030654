package dev.rebuildplan.cli;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.Optional;

/** What the user asked for, once the command line is parsed and checked. */
record PlanRequest(
    Path workDir,
    Optional<String> since,
    Optional<String> base,
    String head,
    boolean uncommitted,
    Optional<String> rules,
    boolean rulesOnly,
    OutputFormat format,
    boolean build,
    boolean dryRun,
    String docker,
    ImmutableList<String> composeFiles,
    Optional<String> projectName,
    ImmutableList<String> extraBuildFlags) {

  /** The output formats of a plan. */
  enum OutputFormat {
    text,
    json,
    github,
    bake
  }
}
