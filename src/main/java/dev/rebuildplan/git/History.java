package dev.rebuildplan.git;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;

/** What a clone's history holds: whether it is shallow, and whether a diff's base is in it. */
public final class History {
  private History() {}

  public static boolean isShallow(Repository repository) throws GitException {
    try {
      return !repository.getObjectDatabase().getShallowCommits().isEmpty();
    } catch (IOException e) {
      throw new GitException(
          "cannot read the shallow commits of " + repository.getDirectory() + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Why this clone cannot diff {@code base} against {@code head}, if it cannot:
   *
   * <ul>
   *   <li>a shallow clone: the base is a full SHA that is not in it, or a name that resolves but
   *       walks past the shallow boundary ({@code HEAD~3}), or (with {@code needsMergeBase}) their
   *       merge base is not in it;
   *   <li>a complete clone: the base is a full SHA that is not in it (a force-pushed-away commit).
   * </ul>
   *
   * In any clone, a name {@code <remote>/<branch>} of a configured remote that does not resolve is
   * a gap too: a single-branch clone (what actions/checkout makes) has no other remote-tracking
   * branch, and fetching it makes it resolve; see {@link #missingTrackingBranch}.
   *
   * <p>Empty otherwise: any other name that does not resolve, even in a shallow clone, is left to
   * the diff's own "unknown revision" error, since fetching history cannot make a typo (or a {@code
   * REV:PATH}) resolve.
   */
  public static Optional<String> gap(
      Repository repository, String base, String head, boolean needsMergeBase) throws GitException {
    boolean shallow = isShallow(repository);
    try (RevWalk walk = new RevWalk(repository)) {
      Optional<RevCommit> baseCommit = commit(repository, walk, base);
      if (baseCommit.isEmpty()) {
        Optional<TrackingBranch> tracking = missingTrackingBranch(repository, base);
        if (tracking.isPresent()) {
          return Optional.of(
              "the base '"
                  + base
                  + "' is not in this clone, which has no remote-tracking branch "
                  + tracking.get()
                  + " (a single-branch clone?)");
        }
        if (shallow && (isFullSha(base) || walksPastAResolvingName(repository, walk, base))) {
          return Optional.of("the base '" + base + "' is not in this shallow clone");
        }
        return isFullSha(base)
            ? Optional.of("the base commit " + base + " is not in this repository")
            : Optional.empty();
      }
      Optional<RevCommit> headCommit = commit(repository, walk, head);
      if (!shallow || headCommit.isEmpty() || !needsMergeBase) {
        return Optional.empty();
      }
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(baseCommit.get());
      walk.markStart(headCommit.get());
      if (walk.next() == null) {
        return Optional.of(
            "the merge base of '" + base + "' and '" + head + "' is not in this shallow clone");
      }
      return Optional.empty();
    } catch (IncorrectObjectTypeException e) {
      return Optional.empty(); // a tree or blob is no missing history: the diff reports it
    } catch (IOException e) {
      throw new GitException(
          "cannot read the history of " + repository.getDirectory() + ": " + e.getMessage(), e);
    }
  }

  /** A branch of a configured remote, as {@code <remote>/<branch>} names its tracking branch. */
  public record TrackingBranch(String remote, String branch) {
    /** The refspec that fetches it even where the remote's configured refspec would not. */
    public String refspec() {
      return "+" + Constants.R_HEADS + branch + ":" + trackingRef();
    }

    /** {@code git fetch <remote> <branch>:refs/remotes/<remote>/<branch>}, for messages. */
    public String fetchCommand(boolean unshallow) {
      return "git fetch "
          + (unshallow ? "--unshallow " : "")
          + remote
          + " "
          + branch
          + ":"
          + trackingRef();
    }

    private String trackingRef() {
      return Constants.R_REMOTES + remote + "/" + branch;
    }

    @Override
    public String toString() {
      return remote + "/" + branch;
    }
  }

  /**
   * The tracking branch {@code revision} names when it is {@code <remote>/<branch>} of a remote
   * configured here and that tracking branch does not exist; empty for anything else, a name with
   * {@code ~}, {@code ^} or {@code :} included.
   */
  public static Optional<TrackingBranch> missingTrackingBranch(
      Repository repository, String revision) throws GitException {
    for (String remote : repository.getRemoteNames()) {
      String prefix = remote + "/";
      String branch = revision.substring(Math.min(prefix.length(), revision.length()));
      if (revision.startsWith(prefix)
          && Repository.isValidRefName(Constants.R_HEADS + branch)
          && !has(repository, revision)) {
        return Optional.of(new TrackingBranch(remote, branch));
      }
    }
    return Optional.empty();
  }

  private static boolean isFullSha(String revision) {
    return revision.matches("[0-9a-f]{40}|[0-9a-f]{64}");
  }

  /**
   * Whether {@code revision} is {@code NAME~n}, {@code NAME^...} with NAME a commit here; never for
   * {@code REV:PATH}, a path in a revision, which no fetch turns into a commit.
   */
  private static boolean walksPastAResolvingName(
      Repository repository, RevWalk walk, String revision) throws IOException {
    int operator = indexOfAny(revision, "~^");
    return operator > 0
        && revision.indexOf(':') < 0
        && commit(repository, walk, revision.substring(0, operator)).isPresent();
  }

  private static int indexOfAny(String text, String characters) {
    for (int index = 0; index < text.length(); index++) {
      if (characters.indexOf(text.charAt(index)) >= 0) {
        return index;
      }
    }
    return -1;
  }

  /** Whether the revision names a commit that is in this repository. */
  public static boolean has(Repository repository, String revision) throws GitException {
    try (RevWalk walk = new RevWalk(repository)) {
      return commit(repository, walk, revision).isPresent();
    } catch (IOException e) {
      throw new GitException("cannot resolve '" + revision + "': " + e.getMessage(), e);
    }
  }

  private static Optional<RevCommit> commit(Repository repository, RevWalk walk, String revision)
      throws IOException {
    try {
      ObjectId id = repository.resolve(revision + "^{commit}");
      return id == null ? Optional.empty() : Optional.of(walk.parseCommit(id));
    } catch (MissingObjectException | RevisionSyntaxException e) {
      return Optional.empty();
    }
  }

  /**
   * Every file of {@code head}'s tree, as a change set: what "plan everything" counts as changed.
   */
  public static ChangeSet everything(Repository repository, String head, String why)
      throws GitException {
    try (RevWalk walk = new RevWalk(repository);
        TreeWalk treeWalk = new TreeWalk(repository)) {
      ObjectId id = repository.resolve(head + "^{commit}");
      if (id == null) {
        throw new GitException("unknown revision '" + head + "'; check the name");
      }
      RevCommit commit = walk.parseCommit(id);
      treeWalk.setRecursive(true);
      treeWalk.addTree(commit.getTree());
      ImmutableSortedSet.Builder<String> paths = ImmutableSortedSet.naturalOrder();
      while (treeWalk.next()) {
        paths.add(treeWalk.getPathString());
      }
      return new ChangeSet(
          Optional.of(why),
          Optional.empty(),
          head,
          commit.name(),
          ImmutableList.of(),
          false,
          paths.build());
    } catch (IOException e) {
      throw new GitException("cannot read the tree of '" + head + "': " + e.getMessage(), e);
    }
  }
}
