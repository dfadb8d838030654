package dev.rebuildplan.cli;

import picocli.CommandLine.Option;

/** Whether and how to run the plan's docker compose builds. */
final class BuildOptions {
  @Option(
      names = "--build",
      description =
          "Run the plan: docker compose build, stage by stage," + " stopping at the first failure.")
  boolean build;

  @Option(names = "--dry-run", description = "With --build: print the commands, run nothing.")
  boolean dryRun;

  @Option(
      names = "--docker",
      paramLabel = "EXE",
      defaultValue = "${env:REBUILD_PLAN_DOCKER:-docker}",
      description = "The docker executable (default: $REBUILD_PLAN_DOCKER, else docker).")
  String docker = "docker";

  void check() throws UsageException {
    if (docker == null || docker.isBlank()) {
      throw new UsageException("--docker is empty; name the docker executable, or leave it out");
    }
    if (dryRun && !build) {
      throw new UsageException("--dry-run applies to --build; pass both");
    }
  }
}
