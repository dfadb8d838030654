package dev.rebuildplan.cli;

import dev.rebuildplan.build.ProcessLauncher;
import dev.rebuildplan.ci.CiPlatform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
      description =
          "Plan what HEAD (or --head) changed since it left REF: the diff from their"
              + " merge base. REF: a branch, origin/main, a tag, a SHA, HEAD~3.")
  String since;

  @Option(
      names = "--base",
      paramLabel = "REV",
      description = "Plan the diff between the trees" + " of REV and --head.")
  String base;

  @Option(
      names = "--head",
      paramLabel = "REV",
      defaultValue = "HEAD",
      description = "The revision the plan is for (default: ${DEFAULT-VALUE}).")
  String head;

  @Option(
      names = "--uncommitted",
      description =
          "Also count staged, unstaged and untracked (not"
              + " ignored) files. Alone: only those, against HEAD.")
  boolean uncommitted;

  @Mixin ProjectOptions project = new ProjectOptions();
  @Mixin BuildOptions buildOptions = new BuildOptions();
  @Mixin BaseOptions baseOptions = new BaseOptions();

  @Parameters(
      paramLabel = "-- FLAG",
      arity = "0..*",
      description =
          "After --: extra flags for"
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
        new PlanJob(
            spec.commandLine().getOut(), spec.commandLine().getErr(), launcher, environment);
    return job.run(
        request, baseOptions.reader(request, environment, launcher, spec.commandLine().getErr()));
  }

  /** Where the subcommands start: the start folder, or -C given before the subcommand. */
  Path startDir() {
    return project.directory == null ? startDir : startDir.resolve(project.directory);
  }

  PlanRequest toRequest() throws UsageException {
    if (since != null && base != null) {
      throw new UsageException(
          "--since and --base do not go together; --since REF compares with"
              + " the merge base, --base REV with REV itself");
    }
    if (since == null
        && base == null
        && !uncommitted
        && !baseOptions.ci
        && !CiPlatform.isCi(environment)) {
      throw new UsageException(
          "nothing to compare; pass --since REF (e.g. --since main),"
              + " --base REV [--head REV], or --uncommitted");
    }
    if (uncommitted && !"HEAD".equals(head)) {
      throw new UsageException(
          "--uncommitted counts the work tree, which sits on HEAD, not on "
              + head
              + "; drop --head, or check "
              + head
              + " out first");
    }
    if (!extraFlags.isEmpty() && !buildOptions.build) {
      throw new UsageException(
          "'"
              + extraFlags.get(0)
              + "' is for docker compose build, and nothing is built; add --build, or drop the"
              + " flags after --");
    }
    return project.toRequest(
        startDir,
        Optional.ofNullable(since),
        Optional.ofNullable(base),
        head,
        uncommitted,
        buildOptions,
        extraFlags);
  }
}
