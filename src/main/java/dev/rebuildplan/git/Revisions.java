package dev.rebuildplan.git;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Resolves what a user names as a revision to a commit, with one-line errors that say what is wrong
 * and what to do: unknown names, trees, paths, the all-zeros SHA, missing upstreams.
 */
final class Revisions {
  private final Repository repository;
  private final Path workTree;

  Revisions(Repository repository, Path workTree) {
    this.repository = repository;
    this.workTree = workTree;
  }

  RevCommit commit(RevWalk walk, String named) throws GitException {
    String revision = withUpstream(named);
    if (revision.isBlank()) {
      throw new GitException("the revision is empty; pass a branch, tag or commit");
    }
    if (revision.matches("0{40}|0{64}")) {
      throw new GitException(
          "'"
              + revision
              + "' is the all-zeros SHA git uses for 'no commit', not a revision;"
              + " pass the branch or commit to compare with");
    }
    ObjectId id;
    try {
      id = repository.resolve(revision + "^{commit}");
    } catch (RevisionSyntaxException e) {
      throw new GitException(
          "'" + revision + "' is not a valid revision; pass a branch, tag or commit");
    } catch (IncorrectObjectTypeException e) {
      throw new GitException(
          "'"
              + revision
              + "' names "
              + objectKind(revision)
              + ", not a commit;"
              + " pass a branch, tag or commit");
    } catch (IOException e) {
      throw new GitException("cannot resolve '" + revision + "': " + e.getMessage(), e);
    }
    if (id == null && revision.indexOf(':') > 0) {
      throw new GitException(
          "'"
              + revision
              + "' names a path in a revision, not a commit; pass a branch, tag or commit");
    }
    if (id == null) {
      if ("HEAD".equals(revision)) {
        throw new GitException("HEAD has no commit yet in " + workTree + "; commit first");
      }
      throw new GitException(
          "unknown revision '"
              + revision
              + "'; check the name (git branch -a), or fetch it ("
              + fetchCommand(revision)
              + ")");
    }
    try {
      return walk.parseCommit(id);
    } catch (MissingObjectException e) {
      throw new GitException(
          "commit "
              + id.name()
              + " ('"
              + revision
              + "') is not in this repository; fetch it,"
              + " or fetch full history (git fetch --unshallow)");
    } catch (IOException e) {
      throw new GitException("cannot read commit '" + revision + "': " + e.getMessage(), e);
    }
  }

  /** Returns "a tree (abc1234)" or the like for a revision that names no commit. */
  private String objectKind(String revision) throws GitException {
    try {
      ObjectId id = repository.resolve(revision);
      String type = Constants.typeString(repository.open(id).getType());
      return (type.startsWith("a") ? "an " : "a ") + type + " (" + id.abbreviate(7).name() + ")";
    } catch (IOException | RuntimeException e) {
      return "something other than a commit";
    }
  }

  /**
   * Spells out what JGit resolves loosely: {@code @} is HEAD, and {@code [BRANCH]@{upstream}} (or
   * {@code @{u}}) is the branch's upstream, an error when none is set rather than HEAD itself.
   */
  private String withUpstream(String revision) throws GitException {
    if (revision.equals("@")) {
      return "HEAD";
    }
    int at = revision.indexOf("@{");
    if (at < 0) {
      return revision;
    }
    String suffix = revision.substring(at);
    boolean upstream = suffix.startsWith("@{u}") || suffix.startsWith("@{upstream}");
    if (!upstream && !suffix.startsWith("@{push}")) {
      return revision; // reflog forms such as main@{1} resolve as they are
    }
    if (!upstream) {
      throw new GitException(
          "'" + revision + "': @{push} is not supported; name the branch to compare with");
    }
    String branch = revision.substring(0, at);
    try {
      if (branch.isEmpty()) {
        branch = repository.getBranch();
      }
      String tracking = new BranchConfig(repository.getConfig(), branch).getTrackingBranch();
      if (tracking == null) {
        throw new GitException(
            "'"
                + revision
                + "': no upstream is configured for branch '"
                + branch
                + "'; set one (git branch -u origin/main) or name the base");
      }
      return tracking + revision.substring(revision.indexOf('}', at) + 1);
    } catch (IOException e) {
      throw new GitException("cannot read the branch of HEAD: " + e.getMessage(), e);
    }
  }

  /** How to fetch a missing name: {@code origin/main} from origin, anything else as a ref. */
  private String fetchCommand(String revision) {
    int slash = revision.indexOf('/');
    if (slash > 0 && repository.getRemoteNames().contains(revision.substring(0, slash))) {
      return "git fetch " + revision.substring(0, slash) + " " + revision.substring(slash + 1);
    }
    return "git fetch origin " + revision;
  }
}
