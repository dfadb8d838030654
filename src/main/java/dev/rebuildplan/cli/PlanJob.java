package dev.rebuildplan.cli;

import com.google.common.collect.ImmutableList;
import dev.rebuildplan.build.ComposeCommand;
import dev.rebuildplan.build.ComposeDetector;
import dev.rebuildplan.build.ComposeUnavailableException;
import dev.rebuildplan.build.ProcessLauncher;
import dev.rebuildplan.build.StageResult;
import dev.rebuildplan.build.StageRunner;
import dev.rebuildplan.core.Planner;
import dev.rebuildplan.core.RebuildPlan;
import dev.rebuildplan.git.ChangeSet;
import dev.rebuildplan.git.GitChanges;
import dev.rebuildplan.output.BakeReport;
import dev.rebuildplan.output.GithubReport;
import dev.rebuildplan.output.JsonReport;
import dev.rebuildplan.output.PlanReport;
import dev.rebuildplan.output.TextReport;
import dev.rebuildplan.rules.RulesFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The main job: changed paths from git, through the rules, to a plan, printed and maybe built. */
final class PlanJob {
  /** How long a signal waits, after docker stopped, for the summary to be printed. */
  private static final long REPORT_GRACE_SECONDS = 5;

  private final PrintWriter out;
  private final PrintWriter err;
  private final ProcessLauncher launcher;
  private final Map<String, String> environment;

  PlanJob(PrintWriter out, PrintWriter err, ProcessLauncher launcher, Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.launcher = launcher;
    this.environment = env;
  }

  /** Plans (and maybe builds) the changes {@code reader} finds. */
  int run(PlanRequest request, ChangeReader reader) throws Exception {
    ChangeSet changes;
    PlanSources sources;
    try (GitChanges git = GitChanges.open(request.workDir())) {
      changes = reader.read(git);
      sources = PlanSources.read(git, changes, request, environment);
    }
    RebuildPlan plan =
        new Planner(sources.ruleSets(), sources.graph()).plan(changes.paths(), sources.forced());
    sources.warnings().forEach(warning -> err.println("warning: " + warning));
    plan.warnings().forEach(warning -> err.println("warning: " + warning));
    if (sources.builtInDefault() && plan.isEmpty() && !changes.paths().isEmpty()) {
      // The fallback must not pass for "nothing changed": say what was used and where.
      err.println(
          "warning: no compose file in "
              + request.workDir()
              + " or above and no rules file, so the built-in "
              + RulesFile.DEFAULT_BUILT_IN
              + " rules (rooted there) were used and matched none of the changed paths; run in"
              + " the compose project's folder (-C DIR), or add "
              + RulesFile.DEFAULT_NAME);
    }
    ComposeCommand compose = composeCommand(request, sources);
    ImmutableList<ImmutableList<String>> commands =
        plan.stages().stream().map(compose::buildArgs).collect(ImmutableList.toImmutableList());
    report(
        new PlanReport(
            changes, sources.description(), plan, commands, sources.definitionChanges().removed()),
        request.format());
    if (!request.build() || plan.isEmpty()) {
      return ExitCode.OK;
    }
    if (request.dryRun()) {
      err.println("dry run: the commands above were not run");
      return ExitCode.OK;
    }
    return build(plan, compose, sources.projectDir(), request.format());
  }

  private static ComposeCommand composeCommand(PlanRequest request, PlanSources sources) {
    return ComposeCommand.v2(
        request.docker(),
        sources.composeFiles(),
        sources.composeProject(),
        request.extraBuildFlags());
  }

  private void report(PlanReport report, PlanRequest.OutputFormat format) throws IOException {
    switch (format) {
      case json -> JsonReport.write(report, out);
      case text -> TextReport.write(report, out);
      case bake -> BakeReport.write(report, out);
      case github -> GithubReport.write(report, out, err, environment);
    }
  }

  private int build(
      RebuildPlan plan, ComposeCommand wanted, Path projectDir, PlanRequest.OutputFormat format)
      throws IOException, ComposeUnavailableException {
    ComposeCommand compose = new ComposeDetector(launcher, environment).detect(wanted, projectDir);
    // JSON on stdout must stay parseable, so docker's own output goes to stderr then.
    Writer dockerOut = format == PlanRequest.OutputFormat.text ? out : err;
    StageRunner runner = new StageRunner(launcher, compose, projectDir, dockerOut, err);
    CountDownLatch reported = new CountDownLatch(1);
    Thread onSignal = new Thread(() -> stopAndAwait(runner, reported), "stop docker on signal");
    Runtime.getRuntime().addShutdownHook(onSignal);
    try {
      return verdict(runner.run(plan.stages()));
    } finally {
      err.flush();
      reported.countDown();
      removeHook(onSignal);
    }
  }

  /**
   * On SIGTERM or Ctrl-C: stops docker, then waits for the build thread to print the summary and
   * the verdict, because the JVM halts as soon as its shutdown hooks return.
   */
  private static void stopAndAwait(StageRunner runner, CountDownLatch reported) {
    runner.cancel();
    try {
      reported.await(REPORT_GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int verdict(ImmutableList<StageResult> results) {
    for (StageResult result : results) {
      switch (result.outcome()) {
        case FAILED -> {
          err.printf(
              "error: stage %d/%d failed (%s exited with %d); later stages were not run%n",
              result.stage(), results.size(), String.join(" ", result.images()), result.exitCode());
          return ExitCode.FAILED;
        }
        case INTERRUPTED -> {
          err.printf(
              "error: interrupted in stage %d/%d; later stages were not run%n",
              result.stage(), results.size());
          return ExitCode.INTERRUPTED;
        }
        default -> {}
      }
    }
    return ExitCode.OK;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down (a signal); the hook is running or has run.
    }
  }
}
