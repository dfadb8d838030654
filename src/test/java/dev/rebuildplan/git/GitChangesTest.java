package dev.rebuildplan.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rebuildplan.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changed paths read with JGit, checked on real repositories made with the git command line. */
class GitChangesTest {
  @TempDir Path temp;

  private TestRepo repoWithBase() throws IOException {
    return TestRepo.init(temp.resolve("repo"))
        .write("a/one.txt", "1\n")
        .write("a/two.txt", "2\n")
        .write("b/three.txt", "3\n")
        .commit("base");
  }

  private Set<String> since(TestRepo repo, String ref) throws GitException {
    try (GitChanges git = GitChanges.open(repo.dir())) {
      return git.since(ref, "HEAD").paths();
    }
  }

  @Test
  void since_addModifyDelete_listsEachPath() throws Exception {
    TestRepo repo = repoWithBase().branch("feature");
    repo.write("c/new.txt", "new\n")
        .append("a/one.txt", "more\n")
        .delete("b/three.txt")
        .commit("x");

    assertEquals(Set.of("a/one.txt", "b/three.txt", "c/new.txt"), since(repo, "main"));
  }

  @Test
  void since_rename_listsOldAndNewPath() throws Exception {
    TestRepo repo = repoWithBase().branch("feature").move("a/two.txt", "b/two.txt").commit("mv");

    assertEquals(Set.of("a/two.txt", "b/two.txt"), since(repo, "main"));
  }

  @Test
  void since_copy_listsTheNewPath() throws Exception {
    TestRepo repo = repoWithBase().branch("feature");
    repo.write("c/copy.txt", repo.read("a/one.txt")).commit("copy");

    assertEquals(Set.of("c/copy.txt"), since(repo, "main"));
  }

  @Test
  void since_namesWithSpacesTabsAndAccents_comeThroughUnquoted() throws Exception {
    TestRepo repo = repoWithBase().branch("feature");
    repo.write("a/with space.txt", "x\n").write("a/tab\there.txt", "x\n").write("a/é ü.txt", "x\n");
    repo.commit("odd names");

    assertEquals(Set.of("a/with space.txt", "a/tab\there.txt", "a/é ü.txt"), since(repo, "main"));
  }

  @Test
  void since_submoduleBump_listsTheSubmodulePath() throws Exception {
    TestRepo library = TestRepo.init(temp.resolve("library")).write("lib.txt", "1\n").commit("v1");
    TestRepo repo = repoWithBase();
    repo.addSubmodule(library, "vendor/library");
    repo.commit("add submodule");
    library.append("lib.txt", "2\n").commit("v2");
    repo.branch("feature");
    repo.bumpSubmodule(library, "vendor/library");
    repo.commit("bump");

    assertEquals(Set.of("vendor/library"), since(repo, "main"));
  }

  @Test
  void since_acceptsTagShaRelativeAndRemoteTrackingRefs() throws Exception {
    TestRepo repo = repoWithBase();
    repo.git("tag", "v1");
    TestRepo clone = TestRepo.init(temp.resolve("clone"));
    clone.git("remote", "add", "origin", repo.dir().toUri().toString());
    clone.git("fetch", "-q", "origin");
    clone.git("checkout", "-q", "-b", "feature", "origin/main");
    clone.append("a/one.txt", "x\n").commit("one").append("b/three.txt", "y\n").commit("two");
    String mainSha = clone.sha("origin/main");

    for (String ref : List.of("origin/main", "v1", mainSha, mainSha.substring(0, 8), "HEAD~2")) {
      assertEquals(Set.of("a/one.txt", "b/three.txt"), since(clone, ref), ref);
    }
  }

  @Test
  void between_comparesTreesNotMergeBase() throws Exception {
    TestRepo repo = repoWithBase().branch("feature").append("a/one.txt", "f\n").commit("f");
    repo.checkout("main").append("b/three.txt", "m\n").commit("m");

    try (GitChanges git = GitChanges.open(repo.dir())) {
      ChangeSet changes = git.between("main", "feature");

      assertEquals(Set.of("a/one.txt", "b/three.txt"), changes.paths());
      assertEquals(repo.sha("main"), changes.baseCommit().orElseThrow());
      assertEquals(repo.sha("feature"), changes.headCommit());
    }
  }

  @Test
  void withUncommitted_countsStagedUnstagedUntrackedButNotIgnored() throws Exception {
    TestRepo repo = repoWithBase().write(".gitignore", "*.log\n").commit("ignore logs");
    repo.write("a/one.txt", "staged\n").git("add", "a/one.txt");
    repo.write("a/two.txt", "unstaged\n").write("c/untracked.txt", "u\n").write("debug.log", "x\n");

    try (GitChanges git = GitChanges.open(repo.dir())) {
      ChangeSet changes = git.uncommittedOnly();

      assertEquals(Set.of("a/one.txt", "a/two.txt", "c/untracked.txt"), changes.paths());
      assertTrue(changes.uncommitted());
    }
  }

  @Test
  void since_unknownRevision_throwsNamingIt() throws Exception {
    TestRepo repo = repoWithBase();

    GitException e = assertThrows(GitException.class, () -> since(repo, "no-such-branch"));

    assertTrue(e.getMessage().startsWith("unknown revision 'no-such-branch'"), e.getMessage());
  }

  @Test
  void since_unknownRemoteTrackingName_suggestsFetchingFromThatRemote() throws Exception {
    TestRepo repo = repoWithBase();
    repo.git("remote", "add", "upstream", repo.dir().toUri().toString());

    GitException e = assertThrows(GitException.class, () -> since(repo, "upstream/nope"));

    assertTrue(e.getMessage().endsWith("(git fetch upstream nope)"), e.getMessage());
  }

  @Test
  void since_revisionColonPath_saysItNamesAPathNotACommit() throws Exception {
    TestRepo repo = repoWithBase();

    GitException e = assertThrows(GitException.class, () -> since(repo, "HEAD:nope"));

    assertTrue(e.getMessage().startsWith("'HEAD:nope' names a path in a revision"), e.getMessage());
  }

  @Test
  void since_upstreamWithoutOne_isAnErrorNotHead() throws Exception {
    TestRepo repo = repoWithBase().branch("feature");

    GitException e = assertThrows(GitException.class, () -> since(repo, "@{upstream}"));

    assertTrue(
        e.getMessage().contains("no upstream is configured for branch 'feature'"), e.getMessage());
  }

  @Test
  void since_upstreamShorthand_resolvesToTheTrackingBranch() throws Exception {
    TestRepo repo = repoWithBase();
    TestRepo clone = TestRepo.init(temp.resolve("clone"));
    clone.git("remote", "add", "origin", repo.dir().toUri().toString());
    clone.git("fetch", "-q", "origin");
    clone.git("checkout", "-q", "-b", "feature", "--track", "origin/main");
    clone.append("a/one.txt", "x\n").commit("one");

    assertEquals(Set.of("a/one.txt"), since(clone, "@{u}"));
    assertEquals(Set.of("a/one.txt"), since(clone, "feature@{upstream}"));
  }

  @Test
  void since_emptyRevision_saysItIsEmpty() throws Exception {
    TestRepo repo = repoWithBase();

    GitException e = assertThrows(GitException.class, () -> since(repo, ""));

    assertEquals("the revision is empty; pass a branch, tag or commit", e.getMessage());
  }

  @Test
  void since_allZerosSha_isAnError() throws Exception {
    TestRepo repo = repoWithBase();

    GitException e = assertThrows(GitException.class, () -> since(repo, "0".repeat(40)));

    assertTrue(e.getMessage().contains("all-zeros SHA"), e.getMessage());
  }

  @Test
  void since_unrelatedHistories_throwsNoCommonAncestor() throws Exception {
    TestRepo repo = repoWithBase();
    repo.git("checkout", "-q", "--orphan", "other");
    repo.write("z.txt", "z\n").commit("unrelated");

    GitException e = assertThrows(GitException.class, () -> since(repo, "main"));

    assertTrue(e.getMessage().contains("no common ancestor"), e.getMessage());
  }

  @Test
  void open_folderOutsideAnyRepository_throws() {
    GitException e = assertThrows(GitException.class, () -> GitChanges.open(temp));

    assertTrue(e.getMessage().endsWith("pass -C <folder of a repository>"), e.getMessage());
  }

  // Regression test for QA: a tree gave "cannot read the history...: Object ... is not a commit."
  @Test
  void since_baseNamesATree_saysSoInOneLine() throws Exception {
    TestRepo repo = repoWithBase().branch("feature").write("c.txt", "c\n").commit("c");
    String tree = repo.sha("main^{tree}");

    GitException error = assertThrows(GitException.class, () -> since(repo, "main^{tree}"));

    assertEquals(
        "'main^{tree}' names a tree ("
            + tree.substring(0, 7)
            + "), not a commit; pass a branch, tag or commit",
        error.getMessage());
  }

  @Test
  void since_headNamesATree_saysSoInOneLine() throws Exception {
    TestRepo repo = repoWithBase();
    String tree = repo.sha("HEAD^{tree}");

    GitException error;
    try (GitChanges git = GitChanges.open(repo.dir())) {
      error = assertThrows(GitException.class, () -> git.since("main", "HEAD^{tree}"));
    }

    assertEquals(
        "'HEAD^{tree}' names a tree ("
            + tree.substring(0, 7)
            + "), not a commit; pass a branch, tag or commit",
        error.getMessage());
  }
}
