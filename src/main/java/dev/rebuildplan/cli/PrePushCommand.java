package dev.rebuildplan.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import dev.rebuildplan.build.ProcessLauncher;
import dev.rebuildplan.git.GitChanges;
import dev.rebuildplan.git.GitException;
import dev.rebuildplan.git.PushRanges;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rebuild-plan pre-push REMOTE URL}: what git's pre-push hook calls, refs on stdin. */
@Command(
    name = "pre-push",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Plans (with --build: builds) what a git push changes. Reads git's pre-push lines",
      "'<local ref> <local sha> <remote ref> <remote sha>' from stdin; installed by",
      "'rebuild-plan hook install'. A failed build stops the push (skip: git push --no-verify).",
      ""
    },
    footer = ExitCode.HELP)
final class PrePushCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REMOTE", description = "The remote's name (or URL).")
  String remote;

  @Parameters(index = "1", paramLabel = "URL", arity = "0..1", description = "The remote's URL.")
  String url;

  @Mixin ProjectOptions project = new ProjectOptions();
  @Mixin BuildOptions buildOptions = new BuildOptions();

  private final ProcessLauncher launcher;
  private final Map<String, String> environment;
  private final Path startDir;
  private final InputStream in;

  PrePushCommand(
      ProcessLauncher launcher, Map<String, String> environment, Path startDir, InputStream in) {
    this.launcher = launcher;
    this.environment = environment;
    this.startDir = startDir;
    this.in = in;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    ImmutableList<PushRanges.RefUpdate> updates = PushRanges.parse(readLines());
    if (updates.stream().allMatch(PushRanges.RefUpdate::isDeletion)) {
      err.println(
          "rebuild-plan: this push only deletes refs"
              + (updates.isEmpty() ? " (or none)" : "")
              + ": nothing to build");
      return ExitCode.OK;
    }
    PlanRequest request = toRequest();
    int code =
        new PlanJob(spec.commandLine().getOut(), err, launcher, environment)
            .run(request, git -> changes(git, updates, err));
    if (buildOptions.build && code != ExitCode.OK) {
      err.println(
          "error: the push is stopped because the build failed; fix it and push again,"
              + " or push without building: git push --no-verify");
    }
    return code;
  }

  private dev.rebuildplan.git.ChangeSet changes(
      GitChanges git, List<PushRanges.RefUpdate> updates, PrintWriter err) throws GitException {
    PushRanges ranges = new PushRanges(git.repository(), remote, err::println);
    return ranges.changes(git, updates).orElseThrow();
  }

  private List<String> readLines() throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8));
    return reader.lines().collect(Collectors.toList());
  }

  private PlanRequest toRequest() throws UsageException {
    return project.toRequest(
        startDir, Optional.empty(), Optional.empty(), "HEAD", false, buildOptions, List.of());
  }
}
