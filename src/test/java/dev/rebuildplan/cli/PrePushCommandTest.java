package dev.rebuildplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rebuildplan.testing.Cli;
import dev.rebuildplan.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rebuild-plan pre-push} on real clones of a bare remote, fed git's ref lines. */
class PrePushCommandTest {
  private static final String ZEROS = "0".repeat(40);
  private static final List<List<String>> BASE_AND_EVERY_SERVICE =
      List.of(
          List.of("augmentos-cloud-base"),
          List.of("cloud", "dashboard-manager", "flash", "live-captions", "miraai", "notify"));

  @TempDir Path temp;
  private TestRepo remote;
  private TestRepo work;

  @BeforeEach
  void createRemoteAndClone() throws IOException {
    TestRepo origin = TestRepo.referenceLayout(temp.resolve("origin"));
    remote = origin.bareClone(temp.resolve("remote.git"));
    work = remote.cloneTo(temp.resolve("work"));
  }

  @Test
  void prePush_newBranchChangingSharedPackage_plansBaseAndEveryService() throws IOException {
    work.branch("feature").append("packages/utils/index.ts", "// more\n").commit("utils");

    Cli.Result result = prePush(line("feature", work.sha("HEAD"), ZEROS), "--format", "json");

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(BASE_AND_EVERY_SERVICE, stages(result));
    assertTrue(
        result
            .err()
            .contains("new branch on origin: planning from its merge base with" + " origin/main"),
        result.toString());
  }

  @Test
  void prePush_newBranch_doesNotNeedOriginHead() throws IOException {
    work.git("remote", "set-head", "origin", "--delete");
    work.branch("feature").append("services/flash/src/index.ts", "//\n").commit("flash");

    Cli.Result result = prePush(line("feature", work.sha("HEAD"), ZEROS), "--format", "json");

    assertEquals(List.of(List.of("flash")), stages(result), result.toString());
  }

  // Regression test for QA: a pushed tag was logged as "is a new branch".
  @Test
  void prePush_newTag_isCalledATagInTheNotice() throws IOException {
    work.append("services/flash/src/index.ts", "//\n").commit("flash").git("tag", "v1");
    String sha = work.sha("HEAD");

    Cli.Result result =
        prePush("refs/tags/v1 " + sha + " refs/tags/v1 " + ZEROS + "\n", "--format", "json");

    assertEquals(List.of(List.of("flash")), stages(result), result.toString());
    assertTrue(
        result
            .err()
            .contains(
                "pre-push: refs/tags/v1 is a new tag on origin: planning from its merge base"
                    + " with origin/main"),
        result.toString());
  }

  @Test
  void prePush_update_plansOnlyThePushedCommits() throws IOException {
    work.append("packages/utils/index.ts", "// pushed before\n").commit("utils");
    work.git("push", "-q", "origin", "main");
    String before = work.sha("HEAD");
    work.append("services/notify/src/index.ts", "//\n").commit("notify");

    Cli.Result result = prePush(line("main", work.sha("HEAD"), before), "--format", "json");

    assertEquals(List.of(List.of("notify")), stages(result), result.toString());
  }

  @Test
  void prePush_deletion_plansNothingAndExitsZero() throws IOException {
    Cli.Result result = prePush("(delete) " + ZEROS + " refs/heads/old " + work.sha("HEAD") + "\n");

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("", result.out());
    assertTrue(result.err().contains("nothing to build"), result.toString());
  }

  @Test
  void prePush_twoRefs_onePlanCoveringBoth() throws IOException {
    work.branch("a").append("services/flash/src/index.ts", "//\n").commit("flash");
    String a = work.sha("HEAD");
    work.checkout("main").branch("b").append("services/notify/src/index.ts", "//\n").commit("n");
    String b = work.sha("HEAD");

    Cli.Result result = prePush(line("a", a, ZEROS) + line("b", b, ZEROS), "--format", "json");

    assertEquals(List.of(List.of("flash", "notify")), stages(result), result.toString());
  }

  /*
   * Another clone pushed feature = M - U (utils) - F (flash). This clone rebuilt feature without
   * U, as M - F', and force-pushes it: the remote's F is not here.
   */
  @Test
  void prePush_forcePushOfRebasedBranch_plansOnlyTheNewHistoryWithNotice() throws IOException {
    TestRepo other = remote.cloneTo(temp.resolve("other"));
    other
        .branch("feature")
        .append("packages/utils/index.ts", "// shared\n")
        .commit("utils")
        .append("services/flash/src/index.ts", "//\n")
        .commit("flash");
    other.git("push", "-q", "origin", "feature");
    String remoteSha = other.sha("HEAD");
    work.branch("feature").append("services/flash/src/index.ts", "//\n").commit("flash only");

    Cli.Result result = prePush(line("feature", work.sha("HEAD"), remoteSha), "--format", "json");

    assertEquals(List.of(List.of("flash")), stages(result), result.toString());
    assertTrue(
        result
            .err()
            .contains(
                "which is not in this repository (a force push?): planning"
                    + " from the merge base with origin/main"),
        result.toString());
  }

  // Regression test for QA: the first push to an empty remote stopped with "no branch known".
  @Test
  void prePush_firstPushToEmptyRemote_plansEveryFileWithNotice() throws IOException {
    TestRepo fresh = TestRepo.referenceLayout(temp.resolve("fresh"));
    Path empty = temp.resolve("empty.git");
    fresh.run(temp, List.of("git", "init", "-q", "--bare", empty.toString()));
    fresh.git("remote", "add", "origin", empty.toString());

    Cli.Result result =
        new Cli()
            .in(fresh.dir())
            .stdin(line("main", fresh.sha("HEAD"), ZEROS))
            .run("pre-push", "origin", empty.toString(), "--format", "json");

    assertEquals(BASE_AND_EVERY_SERVICE, stages(result), result.toString());
    assertTrue(
        result
            .err()
            .contains(
                "pre-push: origin has no branch known here (a first push?): planning"
                    + " refs/heads/main from the empty tree, every file counts"),
        result.toString());
  }

  @Test
  void prePush_buildFails_blocksThePushNamingNoVerify() throws IOException {
    RecordingDocker docker = RecordingDocker.create(temp, "flash");
    work.branch("feature").append("services/flash/src/index.ts", "//\n").commit("flash");

    Cli.Result result =
        prePush(line("feature", work.sha("HEAD"), ZEROS), "--build", "--docker", docker.path());

    assertEquals(1, result.exitCode(), result.toString());
    assertTrue(result.err().contains("git push --no-verify"), result.toString());
  }

  @Test
  void prePush_brokenRulesFile_blocksThePushWithOneLine() throws IOException {
    work.branch("feature")
        .write(".rebuild-plan.yaml", "images:\n  a: {from: nope}\n")
        .commit("broken rules");

    Cli.Result result = prePush(line("feature", work.sha("HEAD"), ZEROS));

    assertEquals(2, result.exitCode(), result.toString());
    assertEquals(
        1, result.err().lines().filter(l -> l.startsWith("error:")).count(), result.toString());
    assertTrue(result.err().contains(".rebuild-plan.yaml"), result.toString());
  }

  private Cli.Result prePush(String stdin, String... options) {
    String[] args = new String[options.length + 3];
    args[0] = "pre-push";
    args[1] = "origin";
    args[2] = remote.url();
    System.arraycopy(options, 0, args, 3, options.length);
    return new Cli().in(work.dir()).stdin(stdin).run(args);
  }

  private static String line(String branch, String sha, String remoteSha) {
    return "refs/heads/" + branch + " " + sha + " refs/heads/" + branch + " " + remoteSha + "\n";
  }

  static List<List<String>> stages(Cli.Result result) throws IOException {
    return new ObjectMapper()
        .readerFor(new TypeReference<List<List<String>>>() {})
        .readValue(new ObjectMapper().readTree(result.out()).get("stages"));
  }
}
