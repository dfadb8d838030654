package dev.rebuildplan.git;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.FS;

/** Reads changed paths from a git repository, in process. */
public final class GitChanges implements AutoCloseable {
  private final Repository repository;

  private GitChanges(Repository repository) {
    this.repository = repository;
  }

  /**
   * Opens the repository that contains the folder, searching upwards like git does.
   *
   * @throws GitException when the folder is in no git repository or has no work tree
   */
  public static GitChanges open(Path folder) throws GitException {
    pinSystemConfig();
    FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment();
    builder.findGitDir(folder.toAbsolutePath().toFile());
    if (builder.getGitDir() == null) {
      throw new GitException(
          folder + " is not in a git repository; run in one, or pass -C <folder of a repository>");
    }
    try {
      Repository repository = builder.setMustExist(true).build();
      if (repository.isBare()) {
        repository.close();
        throw new GitException(folder + " is a bare repository; run in a clone with a work tree");
      }
      return new GitChanges(repository);
    } catch (IOException e) {
      throw new GitException(
          "cannot open the git repository at " + builder.getGitDir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Names git's system-wide config file without asking git: left alone, JGit runs {@code git
   * --version} and {@code git config --system} on every start to find it, two processes that cost
   * 30 to 50 ms of a 300 ms run (bench/README.md). {@code $GIT_CONFIG_SYSTEM} is honoured.
   */
  private static void pinSystemConfig() {
    // TODO: a git built with another prefix (Homebrew: /opt/homebrew/etc/gitconfig) keeps its
    // system config elsewhere; nothing there changes which paths a diff of commits names.
    String named = System.getenv("GIT_CONFIG_SYSTEM");
    String file = named == null || named.isEmpty() ? "/etc/gitconfig" : named;
    FS.DETECTED.setGitSystemConfig(new File(file));
  }

  public Path workTree() {
    return repository.getWorkTree().toPath().toAbsolutePath().normalize();
  }

  public Repository repository() {
    return repository;
  }

  /** What HEAD changed since it left {@code ref}: the diff from their merge base to HEAD. */
  public ChangeSet since(String ref, String head) throws GitException {
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit baseCommit = commit(walk, ref);
      RevCommit headCommit = commit(walk, head);
      List<RevCommit> mergeBases = mergeBases(walk, baseCommit, headCommit, ref, head);
      TreeSet<String> paths = new TreeSet<>();
      for (RevCommit mergeBase : mergeBases) {
        // Several merge bases (criss-cross merges): the union is what any of them could miss.
        diff(walk.parseCommit(mergeBase), headCommit, paths);
      }
      return new ChangeSet(
          Optional.of(ref),
          Optional.of(mergeBases.get(0).name()),
          head,
          headCommit.name(),
          mergeBases.stream().map(ObjectId::name).collect(ImmutableList.toImmutableList()),
          false,
          ImmutableSortedSet.copyOf(paths));
    } catch (IOException e) {
      throw new GitException("cannot read the history of " + workTree() + ": " + e.getMessage(), e);
    }
  }

  /** The diff between the trees of two revisions. */
  public ChangeSet between(String base, String head) throws GitException {
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit baseCommit = commit(walk, base);
      RevCommit headCommit = commit(walk, head);
      TreeSet<String> paths = new TreeSet<>();
      diff(baseCommit, headCommit, paths);
      return new ChangeSet(
          Optional.of(base),
          Optional.of(baseCommit.name()),
          head,
          headCommit.name(),
          ImmutableList.of(),
          false,
          ImmutableSortedSet.copyOf(paths));
    } catch (IOException e) {
      throw new GitException("cannot read the history of " + workTree() + ": " + e.getMessage(), e);
    }
  }

  /** No change at all: one revision, for reading its files (explain, check). */
  public ChangeSet at(String revision) throws GitException {
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit commit = commit(walk, revision);
      return new ChangeSet(
          Optional.of(revision),
          Optional.of(commit.name()),
          revision,
          commit.name(),
          ImmutableList.of(),
          false,
          ImmutableSortedSet.of());
    }
  }

  /** Only what is not committed: staged, unstaged and untracked (not ignored) files. */
  public ChangeSet uncommittedOnly() throws GitException {
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit headCommit = commit(walk, "HEAD");
      return withUncommitted(
          new ChangeSet(
              Optional.empty(),
              Optional.of(headCommit.name()),
              "HEAD",
              headCommit.name(),
              ImmutableList.of(),
              false,
              ImmutableSortedSet.of()));
    }
  }

  /** The change set plus staged, unstaged and untracked (not ignored) files. */
  public ChangeSet withUncommitted(ChangeSet committed) throws GitException {
    Status status;
    try (Git git = new Git(repository)) {
      status = git.status().call();
    } catch (GitAPIException | RuntimeException e) {
      throw new GitException("cannot read the status of " + workTree() + ": " + e.getMessage(), e);
    }
    TreeSet<String> paths = new TreeSet<>(committed.paths());
    paths.addAll(status.getUncommittedChanges());
    paths.addAll(status.getUntracked());
    return new ChangeSet(
        committed.base(),
        committed.baseCommit(),
        committed.head(),
        committed.headCommit(),
        committed.mergeBases(),
        true,
        ImmutableSortedSet.copyOf(paths));
  }

  /** The files of a commit (a full SHA from a change set). */
  public Snapshot snapshot(String commit) throws GitException {
    try {
      return new CommitSnapshot(repository, ObjectId.fromString(commit));
    } catch (IOException | IllegalArgumentException e) {
      throw new GitException("cannot read commit " + commit + ": " + e.getMessage(), e);
    }
  }

  /** The files of the work tree, as they are on disk. */
  public Snapshot workTreeSnapshot() {
    return new WorkTreeSnapshot(workTree());
  }

  private RevCommit commit(RevWalk walk, String revision) throws GitException {
    return new Revisions(repository, workTree()).commit(walk, revision);
  }

  private List<RevCommit> mergeBases(
      RevWalk walk, RevCommit base, RevCommit head, String baseName, String headName)
      throws IOException, GitException {
    walk.reset();
    walk.setRevFilter(RevFilter.MERGE_BASE);
    walk.markStart(base);
    walk.markStart(head);
    List<RevCommit> mergeBases = new ArrayList<>();
    for (RevCommit commit : walk) {
      mergeBases.add(commit);
    }
    walk.reset();
    walk.setRevFilter(RevFilter.ALL);
    if (mergeBases.isEmpty()) {
      String shallow =
          new File(repository.getDirectory(), "shallow").isFile()
              ? "this is a shallow clone: fetch full history (git fetch --unshallow, or"
                  + " fetch-depth: 0"
                  + " in actions/checkout)"
              : "compare the trees directly with --base " + baseName + " --head " + headName;
      throw new GitException(
          "'" + baseName + "' and '" + headName + "' have no common ancestor; " + shallow);
    }
    return mergeBases;
  }

  private void diff(RevCommit base, RevCommit head, TreeSet<String> paths) throws IOException {
    try (TreeWalk treeWalk = new TreeWalk(repository)) {
      treeWalk.setRecursive(true);
      // No rename detection: a rename is a delete plus an add, which names both paths already.
      treeWalk.setFilter(TreeFilter.ANY_DIFF);
      if (base == null) {
        treeWalk.addTree(new EmptyTreeIterator());
      } else {
        treeWalk.addTree(base.getTree());
      }
      treeWalk.addTree(head.getTree());
      while (treeWalk.next()) {
        paths.add(treeWalk.getPathString());
      }
    }
  }

  @Override
  public void close() {
    repository.close();
  }
}
