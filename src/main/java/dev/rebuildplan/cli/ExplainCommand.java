package dev.rebuildplan.cli;

import dev.rebuildplan.core.Planner;
import dev.rebuildplan.core.RebuildPlan;
import dev.rebuildplan.core.UnmatchedPathsException;
import dev.rebuildplan.git.GitChanges;
import dev.rebuildplan.output.ExplainReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rebuild-plan explain PATH...}: which images each path affects, and through what. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "For each path, the images it affects and the chain that leads there: the rule"
            + " or COPY line (file and line), then the FROM edges.",
    footer = ExitCode.HELP)
final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions options;
  @Mixin RevisionOptions revision;
  @ParentCommand RebuildPlanCommand parent;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description = "Paths, relative to the current" + " folder (or -C); they need not exist.")
  List<String> paths;

  private final Map<String, String> environment;

  ExplainCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    PlanRequest request =
        options.toReadRequest(parent.startDir(), revision.head, revision.uncommitted);
    PlanSources sources;
    Map<String, RebuildPlan> plans = new LinkedHashMap<>();
    try (GitChanges git = GitChanges.open(request.workDir())) {
      sources = PlanSources.atRevision(git, request, environment);
      Planner planner = new Planner(sources.ruleSets(), sources.graph());
      for (String path : paths) {
        String relative = repoRelative(git.workTree(), request.workDir(), path);
        plans.put(relative, explain(planner, relative));
      }
    }
    var out = spec.commandLine().getOut();
    sources
        .warnings()
        .forEach(warning -> spec.commandLine().getErr().println("warning: " + warning));
    if (request.format() == PlanRequest.OutputFormat.json) {
      ExplainReport.writeJson(plans, sources.description(), out);
    } else {
      ExplainReport.writeText(plans, sources.description(), out);
    }
    return ExitCode.OK;
  }

  private static RebuildPlan explain(Planner planner, String path) {
    try {
      return planner.plan(List.of(path));
    } catch (UnmatchedPathsException e) {
      // Explaining is not planning: a path 'unmatched: error' would reject affects no image.
      return new RebuildPlan(
          com.google.common.collect.ImmutableList.of(),
          com.google.common.collect.ImmutableMap.of(),
          com.google.common.collect.ImmutableList.of(path),
          com.google.common.collect.ImmutableList.of());
    }
  }

  static String repoRelative(Path top, Path workDir, String path) throws UsageException {
    Path absolute = workDir.resolve(path).toAbsolutePath().normalize();
    if (!absolute.startsWith(top) || absolute.equals(top)) {
      throw new UsageException("'" + path + "' is not a path inside the repository at " + top);
    }
    return top.relativize(absolute).toString().replace('\\', '/');
  }
}
