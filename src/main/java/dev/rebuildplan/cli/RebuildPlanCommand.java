package dev.rebuildplan.cli;

import com.google.common.collect.ImmutableList;
import dev.rebuildplan.build.ProcessLauncher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rebuild-plan}: plans, and with {@code --build} runs, the rebuild a git diff needs. */
@Command(
    name = "rebuild-plan",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Plans the minimal, FROM-ordered docker compose builds for a git diff, and runs them.",
      "",
      "  rebuild-plan --since main            what this branch changed since it left main",
      "  rebuild-plan --since main --build    ... and build it, stage by stage",
      "  rebuild-plan --base A --head B       the diff between two revisions",
      ""
    },
    footer = ExitCode.HELP,
    subcommands = {ExplainCommand.class, CheckCommand.class})
final class RebuildPlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--since",
      paramLabel = "REF",
      description = "Plan what HEAD (or --head) changed since it left REF: the diff from their"
          + " merge base. REF: a branch, origin/main, a tag, a SHA, HEAD~3.")
  String since;

  @Option(names = "--base", paramLabel = "REV", description = "Plan the diff between the trees"
      + " of REV and --head.")
  String base;

  @Option(names = "--head", paramLabel = "REV", defaultValue = "HEAD",
      description = "The revision the plan is for (default: ${DEFAULT-VALUE}).")
  String head;

  @Option(names = "--uncommitted", description = "Also count staged, unstaged and untracked (not"
      + " ignored) files. Alone: only those, against HEAD.")
  boolean uncommitted;

  @Option(names = "-C", paramLabel = "DIR", description = "Run as if started in DIR.")
  Path directory;

  @Option(names = "--rules", paramLabel = "FILE|NAME", description = "Rules file, or a built-in"
      + " rule set by name (augmentos-cloud). Default: .rebuild-plan.yaml at the repository's"
      + " top, else augmentos-cloud.")
  String rules;

  @Option(names = "--rules-only", description = "Plan from the rules alone, without reading the"
      + " compose file and Dockerfiles.")
  boolean rulesOnly;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). The plan goes"
          + " to stdout, everything else to stderr.")
  PlanRequest.OutputFormat format;

  @Option(names = "--build", description = "Run the plan: docker compose build, stage by stage,"
      + " stopping at the first failure.")
  boolean build;

  @Option(names = "--dry-run", description = "With --build: print the commands, run nothing.")
  boolean dryRun;

  @Option(names = "--docker", paramLabel = "EXE", defaultValue = "${env:REBUILD_PLAN_DOCKER:-docker}",
      description = "The docker executable (default: $REBUILD_PLAN_DOCKER, else docker).")
  String docker;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Compose file for"
      + " docker compose (repeatable). Default: from the rules, else compose's own.")
  List<String> composeFiles = new ArrayList<>();

  @Option(names = {"-p", "--project-name"}, paramLabel = "NAME",
      description = "Compose project name.")
  String projectName;

  @Mixin BaseOptions baseOptions = new BaseOptions();

  @Option(names = "--stacktrace", description = "Print the stack trace of an error.")
  boolean stacktrace;

  @Parameters(paramLabel = "-- FLAG", arity = "0..*", description = "After --: extra flags for"
      + " docker compose build, e.g. -- --no-cache --progress plain.")
  List<String> extraFlags = new ArrayList<>();

  private final ProcessLauncher launcher;
  private final Map<String, String> environment;
  private final Path startDir;

  RebuildPlanCommand(ProcessLauncher launcher, Map<String, String> environment, Path startDir) {
    this.launcher = launcher;
    this.environment = environment;
    this.startDir = startDir;
  }

  @Override
  public Integer call() throws Exception {
    PlanRequest request = toRequest();
    PlanJob job =
        new PlanJob(spec.commandLine().getOut(), spec.commandLine().getErr(), launcher, environment);
    Optional<ChangeReader> reader =
        baseOptions.reader(request, environment, launcher, spec.commandLine().getErr());
    return reader.isPresent() ? job.run(request, reader.get()) : job.run(request);
  }

  /** Where the subcommands start: the start folder, or -C given before the subcommand. */
  Path startDir() {
    return directory == null ? startDir : startDir.resolve(directory);
  }

  PlanRequest toRequest() throws UsageException {
    if (since != null && base != null) {
      throw new UsageException("--since and --base do not go together; --since REF compares with"
          + " the merge base, --base REV with REV itself");
    }
    if (since == null && base == null && !uncommitted && !baseOptions.ci
        && !dev.rebuildplan.ci.CiPlatform.isCi(environment)) {
      throw new UsageException("nothing to compare; pass --since REF (e.g. --since main),"
          + " --base REV [--head REV], or --uncommitted");
    }
    if (dryRun && !build) {
      throw new UsageException("--dry-run applies to --build; pass both");
    }
    if (!extraFlags.isEmpty() && !build) {
      throw new UsageException("unexpected argument '" + extraFlags.get(0) + "'; flags for docker"
          + " compose build go after --, with --build");
    }
    Path workDir = directory == null ? startDir : startDir.resolve(directory);
    if (!workDir.toFile().isDirectory()) {
      throw new UsageException("-C " + directory + ": no such folder");
    }
    return new PlanRequest(
        workDir.toAbsolutePath().normalize(),
        Optional.ofNullable(since),
        Optional.ofNullable(base),
        head,
        uncommitted,
        Optional.ofNullable(rules),
        rulesOnly,
        format,
        build,
        dryRun,
        docker,
        ImmutableList.copyOf(composeFiles),
        Optional.ofNullable(projectName),
        ImmutableList.copyOf(extraFlags));
  }
}
