package dev.rebuildplan.cli;

import com.google.common.collect.ImmutableList;
import dev.rebuildplan.build.ProcessLauncher;
import dev.rebuildplan.git.GitException;
import dev.rebuildplan.git.History;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
   * Fetches {@code depth} more commits of history in a shallow clone; when the base is a tracking
   * branch this clone lacks ({@code origin/main} in actions/checkout's single-branch clone),
   * fetches that branch too, with an explicit refspec, as the clone's configured one would not
   * create it.
   */
  void deepen(int depth, boolean shallow, Optional<History.TrackingBranch> missing)
      throws GitException {
    if (shallow) {
      run(
          ImmutableList.of("git", "fetch", "--quiet", "--deepen=" + depth),
          "fetch full history yourself (git fetch --unshallow)");
    }
    if (missing.isPresent()) {
      List<String> fetch = new ArrayList<>(List.of("git", "fetch", "--quiet"));
      if (shallow) {
        fetch.add("--depth=" + depth);
      }
      fetch.add(missing.get().remote());
      fetch.add(missing.get().refspec());
      String remote = missing.get().remote();
      run(
          fetch,
          "check that "
              + remote
              + " has a branch '"
              + missing.get().branch()
              + "' (git ls-remote --heads "
              + remote
              + ")");
    }
  }

  private void run(List<String> command, String fix) throws GitException {
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
      throw new GitException(String.join(" ", command) + " exited with " + code + "; " + fix);
    }
  }
}
