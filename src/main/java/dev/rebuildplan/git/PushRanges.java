package dev.rebuildplan.git;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/**
 * The changes of one {@code git push}, from the lines git gives a pre-push hook on stdin. Per
 * pushed ref, the base is:
 *
 * <ul>
 *   <li>an update: the merge base of the remote's old sha and the pushed sha;
 *   <li>a new branch (remote sha all zeros): the merge base with the nearest remote-tracking branch
 *       of that remote, the default branch winning ties; with no remote-tracking branch of it at
 *       all (a first push to an empty remote), the empty tree: every file of the pushed commit;
 *   <li>a force push whose old remote sha is not here: the merge base with the remote's default
 *       branch, with a notice;
 *   <li>a deletion (local sha all zeros): none, nothing to plan.
 * </ul>
 */
public final class PushRanges {
  private static final String NO_COMMIT = "0".repeat(40);
  private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{40}");
  private static final String INPUT_FORMAT =
      "git gives '<local ref> <local sha> <remote ref> <remote sha>'";

  /** One line of git's pre-push input. */
  public record RefUpdate(String localRef, String localSha, String remoteRef, String remoteSha) {
    /**
     * @throws GitException when the line is not four fields, or a sha is not 40 hex digits
     */
    public static RefUpdate parse(String line) throws GitException {
      String[] fields = line.strip().split("\\s+");
      if (fields.length != 4) {
        throw new GitException("unexpected pre-push input line '" + line + "'; " + INPUT_FORMAT);
      }
      for (String sha : List.of(fields[1], fields[3])) {
        if (!SHA.matcher(sha).matches()) {
          throw new GitException(
              "unexpected pre-push input line '"
                  + line
                  + "': '"
                  + sha
                  + "' is not a 40-digit hex sha; "
                  + INPUT_FORMAT);
        }
      }
      return new RefUpdate(fields[0], fields[1], fields[2], fields[3]);
    }

    public boolean isDeletion() {
      return localSha.equals(NO_COMMIT);
    }

    /** Whether the remote has no such ref yet (its sha is all zeros): a new branch or tag. */
    public boolean isNewBranch() {
      return remoteSha.equals(NO_COMMIT);
    }

    /** "tag" for {@code refs/tags/*}, else "branch": what the pushed ref is, for messages. */
    String kind() {
      return remoteRef.startsWith(Constants.R_TAGS) ? "tag" : "branch";
    }
  }

  private final Repository repository;
  private final String remote;
  private final Consumer<String> notices;

  /**
   * @param remote the remote's name as git passes it (a URL when pushing to a URL)
   * @param notices receives one line per base that was chosen for the user rather than given
   */
  public PushRanges(Repository repository, String remote, Consumer<String> notices) {
    this.repository = repository;
    this.remote = remote;
    this.notices = notices;
  }

  /** Parses git's input lines, skipping blank ones. */
  public static ImmutableList<RefUpdate> parse(List<String> lines) throws GitException {
    ImmutableList.Builder<RefUpdate> updates = ImmutableList.builder();
    for (String line : lines) {
      if (!line.isBlank()) {
        updates.add(RefUpdate.parse(line));
      }
    }
    return updates.build();
  }

  /**
   * One change set for all pushed refs: the union of each ref's diff from its base; empty when the
   * push only deletes.
   */
  public Optional<ChangeSet> changes(GitChanges git, List<RefUpdate> updates) throws GitException {
    List<String> heads = new ArrayList<>();
    Set<String> bases = new LinkedHashSet<>();
    Set<String> mergeBases = new LinkedHashSet<>();
    TreeSet<String> paths = new TreeSet<>();
    ChangeSet first = null;
    for (RefUpdate update : updates) {
      if (update.isDeletion()) {
        notices.accept("pre-push: " + update.remoteRef() + " is deleted: nothing to build for it");
        continue;
      }
      requirePushedCommit(update);
      ChangeSet changes = changesOf(git, update);
      first = first == null ? changes : first;
      heads.add(shortName(update.localRef()));
      bases.add(changes.base().orElseThrow());
      mergeBases.addAll(changes.mergeBases());
      paths.addAll(changes.paths());
    }
    if (first == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ChangeSet(
            Optional.of(String.join(", ", bases)),
            first.baseCommit(),
            String.join(", ", heads),
            first.headCommit(),
            ImmutableList.copyOf(mergeBases),
            false,
            ImmutableSortedSet.copyOf(paths)));
  }

  private ChangeSet changesOf(GitChanges git, RefUpdate update) throws GitException {
    if (update.isNewBranch() && !knowsABranchOfTheRemote()) {
      notices.accept(
          "pre-push: "
              + remote
              + " has no branch known here (a first push?): planning "
              + update.remoteRef()
              + " from the empty tree, every file counts");
      return History.everything(repository, update.localSha(), "the empty tree");
    }
    return git.since(baseOf(update), update.localSha());
  }

  /**
   * Whether this repository has a remote-tracking branch of the remote: none before a first push.
   */
  private boolean knowsABranchOfTheRemote() throws GitException {
    try {
      return !trackingRefs(Constants.R_REMOTES + remote + "/").isEmpty();
    } catch (IOException e) {
      throw new GitException("cannot read the refs of " + remote + ": " + e.getMessage(), e);
    }
  }

  private void requirePushedCommit(RefUpdate update) throws GitException {
    if (!isHere(update.localSha())) {
      throw new GitException(
          "pre-push: the pushed commit "
              + update.localSha()
              + " ("
              + update.localRef()
              + ") is not in this repository; run rebuild-plan pre-push in the repository that"
              + " pushes, as git's pre-push hook does");
    }
  }

  private String baseOf(RefUpdate update) throws GitException {
    if (update.isNewBranch()) {
      String base = nearestTrackingBranch(update);
      notices.accept(
          "pre-push: "
              + update.remoteRef()
              + " is a new "
              + update.kind()
              + " on "
              + remote
              + ": planning from its merge base with "
              + base);
      return base;
    }
    if (!isHere(update.remoteSha())) {
      String base = defaultBranch(update);
      notices.accept(
          "pre-push: "
              + remote
              + "'s "
              + update.remoteRef()
              + " is at "
              + update.remoteSha().substring(0, 7)
              + ", which is not in this repository (a force"
              + " push?): planning from the merge base with "
              + base
              + " instead");
      return base;
    }
    return update.remoteSha();
  }

  private boolean isHere(String sha) throws GitException {
    try (RevWalk walk = new RevWalk(repository)) {
      walk.parseCommit(ObjectId.fromString(sha));
      return true;
    } catch (MissingObjectException | IllegalArgumentException e) {
      return false;
    } catch (IOException e) {
      throw new GitException("cannot read commit " + sha + ": " + e.getMessage(), e);
    }
  }

  /** The remote's default branch: its HEAD when known, else main or master, else the nearest. */
  private String defaultBranch(RefUpdate update) throws GitException {
    String prefix = Constants.R_REMOTES + remote + "/";
    try {
      Ref head = repository.exactRef(prefix + Constants.HEAD);
      if (head != null && head.isSymbolic()) {
        return Repository.shortenRefName(head.getTarget().getName());
      }
      for (String name : List.of("main", "master")) {
        if (repository.exactRef(prefix + name) != null) {
          return remote + "/" + name;
        }
      }
    } catch (IOException e) {
      throw new GitException("cannot read the refs of " + remote + ": " + e.getMessage(), e);
    }
    return nearestTrackingBranch(update);
  }

  /** The remote-tracking branch whose merge base with the pushed commit is closest to it. */
  private String nearestTrackingBranch(RefUpdate update) throws GitException {
    String prefix = Constants.R_REMOTES + remote + "/";
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit pushed = walk.parseCommit(ObjectId.fromString(update.localSha()));
      String best = null;
      int bestDistance = Integer.MAX_VALUE;
      for (Ref ref : trackingRefs(prefix)) {
        int distance = distanceToMergeBase(walk, pushed, ref.getObjectId());
        if (distance < bestDistance) {
          best = Repository.shortenRefName(ref.getName());
          bestDistance = distance;
        }
      }
      if (best == null) {
        throw new GitException(
            "no branch of '"
                + remote
                + "' is known here to compare the new "
                + update.kind()
                + " "
                + update.remoteRef()
                + " with; run git fetch "
                + remote
                + ", or skip the hook with git push --no-verify");
      }
      return best;
    } catch (IOException e) {
      throw new GitException(
          "cannot read the history of " + update.localRef() + ": " + e.getMessage(), e);
    }
  }

  private List<Ref> trackingRefs(String prefix) throws IOException {
    List<Ref> refs = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (String name : List.of("main", "master")) {
      Ref ref = repository.exactRef(prefix + name);
      if (ref != null && names.add(ref.getName())) {
        refs.add(ref); // first, so that the default branch wins a tie
      }
    }
    for (Ref ref : repository.getRefDatabase().getRefsByPrefix(prefix)) {
      if (!ref.isSymbolic() && names.add(ref.getName())) {
        refs.add(ref);
      }
    }
    return refs;
  }

  /** How many commits the pushed commit has that {@code other} lacks; MAX_VALUE if unrelated. */
  private static int distanceToMergeBase(RevWalk walk, RevCommit pushed, ObjectId other)
      throws IOException {
    walk.reset();
    walk.setRevFilter(RevFilter.MERGE_BASE);
    walk.markStart(pushed);
    walk.markStart(walk.parseCommit(other));
    RevCommit mergeBase = walk.next();
    walk.reset();
    walk.setRevFilter(RevFilter.ALL);
    if (mergeBase == null) {
      return Integer.MAX_VALUE;
    }
    walk.markStart(walk.parseCommit(pushed));
    walk.markUninteresting(walk.parseCommit(other));
    int count = 0;
    while (walk.next() != null) {
      count++;
    }
    walk.reset();
    return count;
  }

  private static String shortName(String ref) {
    return Repository.shortenRefName(ref);
  }
}
