package dev.rebuildplan.build;

import com.google.common.base.Stopwatch;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code docker compose build} once per stage, in order, and stops at the first stage that
 * fails: later stages never start. {@link #cancel()} (from a signal handler) stops the running
 * child and prevents later stages.
 */
public final class StageRunner {
  private final ProcessLauncher launcher;
  private final ComposeCommand compose;
  private final Path projectDir;
  private final Writer dockerOut;
  private final PrintWriter log;
  private volatile boolean cancelled;
  private volatile ProcessLauncher.Running current;

  /**
   * @param dockerOut where docker's standard output goes (the product's stdout, or stderr when
   *     stdout carries machine-readable output)
   * @param log stderr: stage headers, docker's error output and the summary
   */
  public StageRunner(
      ProcessLauncher launcher,
      ComposeCommand compose,
      Path projectDir,
      Writer dockerOut,
      PrintWriter log) {
    this.launcher = launcher;
    this.compose = compose;
    this.projectDir = projectDir;
    this.dockerOut = dockerOut;
    this.log = log;
  }

  /** Builds the stages in order; returns one result per stage, the unrun ones included. */
  public ImmutableList<StageResult> run(List<ImmutableList<String>> stages) throws IOException {
    List<StageResult> results = new ArrayList<>();
    boolean stopped = false;
    for (int i = 0; i < stages.size(); i++) {
      ImmutableList<String> images = stages.get(i);
      if (stopped || cancelled) {
        results.add(new StageResult(i + 1, images, StageResult.Outcome.NOT_RUN, 0, 0));
        continue;
      }
      StageResult result = runStage(i + 1, stages.size(), images);
      results.add(result);
      stopped = result.outcome() != StageResult.Outcome.OK;
    }
    printSummary(results);
    return ImmutableList.copyOf(results);
  }

  private StageResult runStage(int stage, int total, ImmutableList<String> images)
      throws IOException {
    List<String> args = compose.buildArgs(images);
    log.printf("[%d/%d] %s%n", stage, total, ComposeCommand.display(args));
    log.flush();
    Stopwatch clock = Stopwatch.createStarted();
    ProcessLauncher.Running running;
    try {
      running = launcher.start(args, projectDir, dockerOut, log);
    } catch (IOException e) {
      throw new IOException(
          "cannot run "
              + args.get(0)
              + ": "
              + e.getMessage()
              + "; install docker or pass --docker PATH",
          e);
    }
    current = running;
    if (cancelled) {
      // A signal came while the process started: cancel() found no process to stop.
      running.stop();
    }
    int code = waitFor(running);
    current = null;
    double seconds = clock.elapsed(TimeUnit.MILLISECONDS) / 1000.0;
    StageResult.Outcome outcome =
        cancelled
            ? StageResult.Outcome.INTERRUPTED
            : code == 0 ? StageResult.Outcome.OK : StageResult.Outcome.FAILED;
    return new StageResult(stage, images, outcome, code, seconds);
  }

  private static int waitFor(ProcessLauncher.Running running) {
    while (true) {
      try {
        return running.waitFor();
      } catch (InterruptedException e) {
        running.stop();
      }
    }
  }

  /** Stops the running build, if any, and keeps later stages from starting. */
  public void cancel() {
    cancelled = true;
    ProcessLauncher.Running running = current;
    if (running != null) {
      running.stop();
    }
  }

  public boolean isCancelled() {
    return cancelled;
  }

  private void printSummary(List<StageResult> results) {
    log.println("Summary:");
    for (StageResult result : results) {
      log.printf(
          Locale.ROOT,
          "  [%d/%d] %-48s %7.1f s  %s%n",
          result.stage(),
          results.size(),
          String.join(" ", result.images()),
          result.seconds(),
          describe(result));
    }
    log.flush();
  }

  private static String describe(StageResult result) {
    return switch (result.outcome()) {
      case OK -> "ok";
      case FAILED -> "FAILED (exit " + result.exitCode() + ")";
      case NOT_RUN -> "not run";
      case INTERRUPTED -> "interrupted";
    };
  }
}
