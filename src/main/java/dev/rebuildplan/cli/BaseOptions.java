package dev.rebuildplan.cli;

import dev.rebuildplan.build.ProcessLauncher;
import dev.rebuildplan.ci.CiBase;
import dev.rebuildplan.ci.CiException;
import dev.rebuildplan.ci.CiPlatform;
import dev.rebuildplan.git.ChangeSet;
import dev.rebuildplan.git.GitChanges;
import dev.rebuildplan.git.GitException;
import dev.rebuildplan.git.History;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the base comes from in CI ({@code --ci}), and what to do when a shallow clone lacks it
 * ({@code --deepen}, {@code --on-missing-base}).
 */
final class BaseOptions {
  /** What to do when the base or the merge base is not in the clone. */
  enum OnMissingBase {
    error,
    all
  }

  private static final int MAX_DEEPENINGS = 24;

  @Option(
      names = "--ci",
      description =
          "Take base and head from the CI platform (GitHub Actions,"
              + " GitLab CI). Automatic when CI=true and no --since, --base or --uncommitted is"
              + " given.")
  boolean ci;

  @Option(
      names = "--deepen",
      description =
          "In a shallow clone that lacks the base or the merge"
              + " base, fetch more history (git fetch --deepen, doubling) until it is there.")
  boolean deepen;

  @Option(
      names = "--on-missing-base",
      paramLabel = "WHAT",
      defaultValue = "error",
      description =
          "When the base or merge base is not in the clone: ${COMPLETION-CANDIDATES}"
              + " (default: ${DEFAULT-VALUE}). 'all' plans as if every file changed.")
  OnMissingBase onMissingBase;

  /** Whether the base comes from the CI platform: asked for, or CI=true and no base given. */
  boolean usesCi(PlanRequest request, Map<String, String> env) {
    boolean noBase =
        request.since().isEmpty() && request.base().isEmpty() && !request.uncommitted();
    return ci || (noBase && CiPlatform.isCi(env));
  }

  /** The change reader for a request: the CI base, --since, --base, or uncommitted files alone. */
  ChangeReader reader(
      PlanRequest request, Map<String, String> env, ProcessLauncher launcher, PrintWriter log)
      throws CiException, UsageException {
    String revision;
    boolean mergeBase;
    if (usesCi(request, env)) {
      if (request.since().isPresent() || request.base().isPresent()) {
        throw new UsageException(
            "--ci takes the base from the CI platform; drop --since/--base," + " or drop --ci");
      }
      CiBase base = CiPlatform.detect(env);
      log.println("rebuild-plan: base " + base.revision() + ": " + base.why());
      revision = base.revision();
      mergeBase = base.mergeBase();
    } else if (request.since().isPresent()) {
      revision = request.since().get();
      mergeBase = true;
    } else if (request.base().isPresent()) {
      revision = request.base().get();
      mergeBase = false;
    } else {
      return GitChanges::uncommittedOnly;
    }
    return git -> read(git, request, revision, mergeBase, launcher, log);
  }

  private ChangeSet read(
      GitChanges git,
      PlanRequest request,
      String revision,
      boolean mergeBase,
      ProcessLauncher launcher,
      PrintWriter log)
      throws GitException {
    Optional<String> gap = gap(git, revision, request.head(), mergeBase);
    Optional<History.TrackingBranch> tracking =
        History.missingTrackingBranch(git.repository(), revision);
    boolean shallow = History.isShallow(git.repository());
    if (gap.isPresent() && deepen && (shallow || tracking.isPresent())) {
      gap = deepen(git, revision, request.head(), mergeBase, launcher, log);
    }
    if (gap.isPresent()) {
      if (onMissingBase != OnMissingBase.all) {
        throw new GitException(gap.get() + "; " + fix(tracking, shallow));
      }
      log.println("warning: " + gap.get() + "; planning everything (--on-missing-base=all)");
      return History.everything(
          git.repository(), request.head(), "everything (" + revision + " is missing)");
    }
    ChangeSet changes =
        mergeBase ? git.since(revision, request.head()) : git.between(revision, request.head());
    return request.uncommitted() ? git.withUncommitted(changes) : changes;
  }

  private static String fix(Optional<History.TrackingBranch> tracking, boolean shallow) {
    String rest = "pass --deepen, or plan everything with --on-missing-base=all";
    if (tracking.isPresent()) {
      // In a shallow clone the fetched branch stops at the shallow boundary: no merge base.
      return "fetch it ("
          + tracking.get().fetchCommand(shallow)
          + ") or full history (fetch-depth: 0 in actions/checkout), "
          + rest;
    }
    return "fetch full history (fetch-depth: 0 in actions/checkout, or git fetch --unshallow), "
        + rest;
  }

  private static Optional<String> gap(
      GitChanges git, String revision, String head, boolean mergeBase) throws GitException {
    if (revision.matches("0{40}|0{64}")) {
      return Optional.empty(); // GitChanges rejects it with its own message
    }
    return History.gap(git.repository(), revision, head, mergeBase);
  }

  private static Optional<String> deepen(
      GitChanges git,
      String revision,
      String head,
      boolean mergeBase,
      ProcessLauncher launcher,
      PrintWriter log)
      throws GitException {
    HistoryDeepener deepener = new HistoryDeepener(launcher, git.workTree(), log);
    Optional<String> gap = gap(git, revision, head, mergeBase);
    for (int i = 0, depth = 8; gap.isPresent() && i < MAX_DEEPENINGS; i++, depth *= 2) {
      boolean wasShallow = History.isShallow(git.repository());
      deepener.deepen(depth, wasShallow, History.missingTrackingBranch(git.repository(), revision));
      gap = gap(git, revision, head, mergeBase);
      if (!wasShallow) {
        break; // the clone was complete already: more fetching finds nothing more
      }
    }
    return gap;
  }
}
