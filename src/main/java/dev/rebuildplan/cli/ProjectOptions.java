package dev.rebuildplan.cli;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which project, which rules and which output: the options every command shares. */
final class ProjectOptions {
  @Option(names = "-C", paramLabel = "DIR", description = "Run as if started in DIR.")
  Path directory;

  @Option(
      names = "--rules",
      paramLabel = "FILE|NAME",
      description =
          "Rules file, or a built-in rule set by name (augmentos-cloud). Default:"
              + " .rebuild-plan.yaml at the repository's top. Without rules, the compose file"
              + " and its"
              + " Dockerfiles say what each image is built from; without either, augmentos-cloud.")
  String rules;

  @Option(
      names = "--rules-only",
      description =
          "Plan from the rules alone, without reading the" + " compose file and Dockerfiles.")
  boolean rulesOnly;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "Compose file" + " (repeatable). Default: the one docker compose finds.")
  List<String> composeFiles = new ArrayList<>();

  @Option(
      names = {"-p", "--project-name"},
      paramLabel = "NAME",
      description = "Compose project name.")
  String projectName;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). The result goes"
              + " to stdout, everything else to stderr.")
  PlanRequest.OutputFormat format;

  @Option(names = "--stacktrace", description = "Print the stack trace of an error.")
  boolean stacktrace;

  /** The folder to run in: the start folder, or -C relative to it. */
  Path workDir(Path startDir) throws UsageException {
    Path workDir = directory == null ? startDir : startDir.resolve(directory);
    if (!workDir.toFile().isDirectory()) {
      throw new UsageException(
          "-C " + directory + (workDir.toFile().exists() ? ": not a folder" : ": no such folder"));
    }
    return workDir.toAbsolutePath().normalize();
  }

  /** A request for these options; what to compare and what to build come from the command. */
  PlanRequest toRequest(
      Path startDir,
      Optional<String> since,
      Optional<String> base,
      String head,
      boolean uncommitted,
      BuildOptions build,
      List<String> extraFlags)
      throws UsageException {
    build.check();
    return new PlanRequest(
        workDir(startDir),
        since,
        base,
        head,
        uncommitted,
        Optional.ofNullable(rules),
        rulesOnly,
        format,
        build.build,
        build.dryRun,
        build.docker,
        ImmutableList.copyOf(composeFiles),
        Optional.ofNullable(projectName),
        ImmutableList.copyOf(extraFlags));
  }

  /** A request that reads the files of one revision (explain, check): text or JSON only. */
  PlanRequest toReadRequest(Path startDir, String head, boolean uncommitted) throws UsageException {
    if (format != PlanRequest.OutputFormat.text && format != PlanRequest.OutputFormat.json) {
      throw new UsageException("--format " + format + " is for plans; use text or json here");
    }
    return toRequest(
        startDir,
        Optional.empty(),
        Optional.empty(),
        head,
        uncommitted,
        new BuildOptions(),
        List.of());
  }
}
