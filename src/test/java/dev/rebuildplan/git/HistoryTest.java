package dev.rebuildplan.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rebuildplan.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gaps in a clone's history, on real full and shallow clones. */
class HistoryTest {
  private static final String ABSENT_SHA = "deadbeef".repeat(5);

  @TempDir Path temp;

  /**
   *
   *
   * <pre>
   * origin:  A---B---C  main
   * clone:           C  main, origin/main (depth 1)
   * </pre>
   */
  private TestRepo shallowClone() throws IOException {
    TestRepo origin =
        TestRepo.init(temp.resolve("origin"))
            .write("a.txt", "1\n")
            .commit("A")
            .append("a.txt", "2\n")
            .commit("B")
            .append("a.txt", "3\n")
            .commit("C");
    return origin.cloneTo(temp.resolve("clone"), "--depth", "1");
  }

  private static Optional<String> gap(TestRepo repo, String base) throws Exception {
    try (Repository repository =
        FileRepositoryBuilder.create(repo.dir().resolve(".git").toFile())) {
      return History.gap(repository, base, "HEAD", true);
    }
  }

  // Regression test for QA: a misspelt ref in a shallow clone was reported as missing history.
  @Test
  void gap_shallowCloneMisspeltName_isNoGap() throws Exception {
    TestRepo clone = shallowClone();

    assertEquals(Optional.empty(), gap(clone, "orgin/mian"));
  }

  @Test
  void gap_shallowCloneAbsentFullSha_isAGap() throws Exception {
    TestRepo clone = shallowClone();

    assertEquals(
        Optional.of("the base '" + ABSENT_SHA + "' is not in this shallow clone"),
        gap(clone, ABSENT_SHA));
  }

  @Test
  void gap_shallowCloneParentBeyondTheBoundary_isAGap() throws Exception {
    TestRepo clone = shallowClone();

    assertEquals(
        Optional.of("the base 'HEAD~1' is not in this shallow clone"), gap(clone, "HEAD~1"));
  }

  @Test
  void gap_shallowClonePresentBase_isNoGap() throws Exception {
    TestRepo clone = shallowClone();

    assertEquals(Optional.empty(), gap(clone, "origin/main"));
  }

  @Test
  void gap_fullCloneAbsentFullSha_isAGapAndMisspeltNameIsNot() throws Exception {
    TestRepo repo = TestRepo.init(temp.resolve("repo")).write("a.txt", "1\n").commit("A");

    assertEquals(
        Optional.of("the base commit " + ABSENT_SHA + " is not in this repository"),
        gap(repo, ABSENT_SHA));
    assertEquals(Optional.empty(), gap(repo, "mian"));
  }

  /**
   *
   *
   * <pre>
   * origin:  A---B  main
   *           \
   *            F  feature
   * clone:     F  feature only, no origin/main (--depth 1 --branch feature: single branch)
   * </pre>
   */
  // Regression test for QA: actions/checkout's clone lacks origin/<base>; that is no typo.
  @Test
  void gap_singleBranchCloneWithoutTheTrackingBranch_isAGapButAnUnknownRemoteIsNot()
      throws Exception {
    TestRepo origin =
        TestRepo.init(temp.resolve("origin")).write("a.txt", "1\n").commit("A").branch("feature");
    origin.write("f.txt", "1\n").commit("F").checkout("main").append("a.txt", "2\n").commit("B");
    TestRepo clone = origin.cloneTo(temp.resolve("clone"), "--depth", "1", "--branch", "feature");

    assertEquals(
        Optional.of(
            "the base 'origin/main' is not in this clone, which has no remote-tracking branch"
                + " origin/main (a single-branch clone?)"),
        gap(clone, "origin/main"));
    assertEquals(Optional.empty(), gap(clone, "orgin/mian"));
    assertEquals(Optional.empty(), gap(clone, "origin/main:a.txt"));
  }

  // Regression test for QA: a name with ':' is a path in a revision, never missing history.
  @Test
  void gap_shallowCloneRevisionColonPath_isNoGap() throws Exception {
    TestRepo clone = shallowClone();

    assertEquals(Optional.empty(), gap(clone, "HEAD~1:a.txt"));
  }

  // Regression test for QA: a tree made gap fail with "cannot read the history...".
  @Test
  void gap_baseOrHeadNamesATree_isNoGap() throws Exception {
    TestRepo clone = shallowClone();

    assertEquals(Optional.empty(), gap(clone, "HEAD^{tree}"));
    try (Repository repository =
        FileRepositoryBuilder.create(clone.dir().resolve(".git").toFile())) {
      assertEquals(Optional.empty(), History.gap(repository, "HEAD", "HEAD^{tree}", true));
    }
  }
}
