package dev.rebuildplan.cli;

import dev.rebuildplan.git.GitChanges;
import dev.rebuildplan.git.GitException;
import dev.rebuildplan.git.PrePushHook;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rebuild-plan hook install|uninstall}: the git pre-push hook. */
@Command(
    name = "hook",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = "Installs or removes the git pre-push hook that runs rebuild-plan pre-push.",
    footer = ExitCode.HELP)
final class HookCommand {
  /** Set by bin/rebuild-plan to its own absolute path, so the hook calls the same launcher. */
  static final String LAUNCHER_ENV = "REBUILD_PLAN_LAUNCHER";

  @Spec CommandSpec spec;

  @Option(names = "-C", paramLabel = "DIR", description = "Run as if started in DIR.")
  Path directory;

  private final Map<String, String> environment;
  private final Path startDir;

  HookCommand(Map<String, String> environment, Path startDir) {
    this.environment = environment;
    this.startDir = startDir;
  }

  @Command(
      name = "install",
      mixinStandardHelpOptions = true,
      description = {
        "Writes a pre-push hook into the folder git takes hooks from (core.hooksPath respected).",
        "A pre-push hook already there is kept and still runs first. Installing twice changes",
        "nothing. The hook calls the launcher that installed it (bin/rebuild-plan), else",
        "rebuild-plan on PATH."
      })
  int install(
      @Option(
              names = "--build",
              description =
                  "Build what a push affects; a failed build stops"
                      + " the push. Without it, the hook only prints the plan.")
          boolean build,
      @Option(
              names = "--launcher",
              paramLabel = "PATH",
              description =
                  "The executable the hook"
                      + " calls (default: $"
                      + LAUNCHER_ENV
                      + ", else rebuild-plan on PATH).")
          String launcher)
      throws GitException {
    Optional<String> chosen =
        Optional.ofNullable(launcher)
            .or(() -> Optional.ofNullable(environment.get(LAUNCHER_ENV)))
            .filter(path -> !path.isBlank())
            .map(path -> startDir.resolve(path).toAbsolutePath().normalize().toString());
    try (GitChanges git = GitChanges.open(workDir())) {
      spec.commandLine().getOut().println(PrePushHook.of(git.repository()).install(chosen, build));
    }
    return ExitCode.OK;
  }

  @Command(
      name = "uninstall",
      mixinStandardHelpOptions = true,
      description =
          "Removes exactly what install wrote, and puts a kept earlier hook back. With no"
              + " rebuild-plan hook installed, changes nothing and exits 0.")
  int uninstall() throws GitException {
    try (GitChanges git = GitChanges.open(workDir())) {
      spec.commandLine().getOut().println(PrePushHook.of(git.repository()).uninstall());
    }
    return ExitCode.OK;
  }

  private Path workDir() {
    return directory == null ? startDir : startDir.resolve(directory);
  }
}
