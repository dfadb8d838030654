package dev.rebuildplan.cli;

import com.google.common.collect.ImmutableList;
import dev.rebuildplan.build.ProcessLauncher;
import dev.rebuildplan.git.GitException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Deepens a shallow clone with {@code git fetch --deepen=N}. JGit's shallow fetch support is
 * limited (no deepen by a count relative to the current shallow boundary), so this one step runs
 * the git executable.
 */
final class HistoryDeepener {
  private final ProcessLauncher launcher;
  private final Path workTree;
  private final PrintWriter log;

  HistoryDeepener(ProcessLauncher launcher, Path workTree, PrintWriter log) {
    this.launcher = launcher;
    this.workTree = workTree;
    this.log = log;
  }

  /**
   * Fetches {@code depth} more commits of history; when {@code revision} is a remote-tracking
   * branch this clone lacks ({@code origin/main} in a checkout of one pull request), fetches that
   * branch too.
   */
  void deepen(int depth, String revision, boolean revisionMissing) throws GitException {
    run(ImmutableList.of("git", "fetch", "--quiet", "--deepen=" + depth));
    int slash = revision.indexOf('/');
    if (revisionMissing && slash > 0 && !revision.matches("[0-9a-f]{40}")) {
      String remote = revision.substring(0, slash);
      String branch = revision.substring(slash + 1);
      run(
          ImmutableList.of(
              "git",
              "fetch",
              "--quiet",
              "--depth=" + depth,
              remote,
              "+refs/heads/" + branch + ":refs/remotes/" + remote + "/" + branch));
    }
  }

  private void run(List<String> command) throws GitException {
    log.println("rebuild-plan: " + String.join(" ", command));
    log.flush();
    int code;
    try {
      code = launcher.start(command, workTree, log, log).waitFor();
    } catch (IOException e) {
      throw new GitException(
          "cannot run git to deepen the clone: "
              + e.getMessage()
              + "; install git, or fetch full history yourself (git fetch --unshallow)",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitException("interrupted while deepening the clone", e);
    }
    if (code != 0) {
      throw new GitException(
          String.join(" ", command)
              + " exited with "
              + code
              + "; fetch full history yourself (git fetch --unshallow)");
    }
  }
}
