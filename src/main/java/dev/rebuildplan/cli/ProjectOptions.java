package dev.rebuildplan.cli;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that say which project and which rules, shared by the subcommands. */
final class ProjectOptions {
  @Option(names = "-C", paramLabel = "DIR", description = "Run as if started in DIR.")
  Path directory;

  @Option(names = "--rules", paramLabel = "FILE|NAME",
      description = "Rules file, or a built-in rule set by name. Default: .rebuild-plan.yaml at"
          + " the repository's top.")
  String rules;

  @Option(names = "--head", paramLabel = "REV", defaultValue = "HEAD",
      description = "The revision whose files are read (default: ${DEFAULT-VALUE}).")
  String head;

  @Option(names = "--uncommitted", description = "Read the files of the work tree instead.")
  boolean uncommitted;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Compose file (repeatable).")
  List<String> composeFiles = new ArrayList<>();

  @Option(names = {"-p", "--project-name"}, paramLabel = "NAME",
      description = "Compose project name.")
  String projectName;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  PlanRequest.OutputFormat format;

  @Option(names = "--stacktrace", description = "Print the stack trace of an error.")
  boolean stacktrace;

  /** A request reading the files of one revision; nothing is compared or built. */
  PlanRequest toRequest(Path startDir, boolean rulesOnly) throws UsageException {
    Path workDir = directory == null ? startDir : startDir.resolve(directory);
    if (!workDir.toFile().isDirectory()) {
      throw new UsageException("-C " + directory + ": no such folder");
    }
    return new PlanRequest(
        workDir.toAbsolutePath().normalize(),
        Optional.empty(),
        Optional.empty(),
        head,
        uncommitted,
        Optional.ofNullable(rules),
        rulesOnly,
        format,
        false,
        false,
        "docker",
        ImmutableList.copyOf(composeFiles),
        Optional.ofNullable(projectName),
        ImmutableList.of());
  }
}
