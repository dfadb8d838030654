package dev.rebuildplan.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rebuildplan.testing.TestRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pre-push input lines and the bases chosen for them, on a real repository. */
class PushRangesTest {
  private static final String NO_COMMIT = "0".repeat(40);

  @TempDir Path temp;

  // Regression test for QA: a malformed sha crashed with InvalidObjectIdException (exit 3).
  @Test
  void parse_shaNotHex_isAnInputLineError() {
    String line = "refs/heads/x nothex refs/heads/x " + NO_COMMIT;

    GitException error = assertThrows(GitException.class, () -> PushRanges.parse(List.of(line)));

    assertEquals(
        "unexpected pre-push input line '"
            + line
            + "': 'nothex' is not a 40-digit hex sha; git gives"
            + " '<local ref> <local sha> <remote ref> <remote sha>'",
        error.getMessage());
  }

  @Test
  void parse_remoteShaTooShort_isAnInputLineError() {
    String line = "refs/heads/x " + NO_COMMIT.replace('0', 'a') + " refs/heads/x abc123";

    GitException error = assertThrows(GitException.class, () -> PushRanges.parse(List.of(line)));

    assertEquals(
        "unexpected pre-push input line '"
            + line
            + "': 'abc123' is not a 40-digit hex sha; git gives"
            + " '<local ref> <local sha> <remote ref> <remote sha>'",
        error.getMessage());
  }

  // Regression test for QA: an unknown pushed sha gave JGit's "Missing unknown <sha>".
  @Test
  void changes_pushedShaNotHere_namesTheShaAndTheFix() throws Exception {
    TestRepo repo = TestRepo.init(temp.resolve("repo")).write("a.txt", "1\n").commit("base");
    String unknown = "deadbeef".repeat(5);
    List<String> notices = new ArrayList<>();
    var updates =
        PushRanges.parse(List.of("refs/heads/x " + unknown + " refs/heads/x " + repo.sha("HEAD")));

    GitException error;
    try (GitChanges git = GitChanges.open(repo.dir())) {
      PushRanges ranges = new PushRanges(git.repository(), "origin", notices::add);
      error = assertThrows(GitException.class, () -> ranges.changes(git, updates));
    }

    assertEquals(
        "pre-push: the pushed commit "
            + unknown
            + " (refs/heads/x) is not in this repository; run rebuild-plan pre-push in the"
            + " repository that pushes, as git's pre-push hook does",
        error.getMessage());
  }
}
