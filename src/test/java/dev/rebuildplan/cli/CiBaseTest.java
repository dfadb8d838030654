package dev.rebuildplan.cli;

import static dev.rebuildplan.cli.PrePushCommandTest.stages;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rebuildplan.testing.Cli;
import dev.rebuildplan.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --ci} and {@code CI=true}: the base from GitHub Actions and GitLab CI variables, on a real
 * clone of a bare remote. History of the remote:
 *
 * <pre>
 *   main:     M0 (layout) - M1 (notify)
 *                    \
 *   feature:          F1 (utils) - F2 (flash)
 * </pre>
 */
class CiBaseTest {
  private static final String ZEROS = "0".repeat(40);
  private static final List<List<String>> BASE_AND_EVERY_SERVICE =
      List.of(
          List.of("augmentos-cloud-base"),
          List.of("cloud", "dashboard-manager", "flash", "live-captions", "miraai", "notify"));

  @TempDir Path temp;
  private TestRepo remote;
  private TestRepo work;
  private String f1;

  @BeforeEach
  void createHistory() throws IOException {
    TestRepo origin = TestRepo.referenceLayout(temp.resolve("origin"));
    origin.branch("feature").append("packages/utils/index.ts", "//\n").commit("utils");
    f1 = origin.sha("HEAD");
    origin.append("services/flash/src/index.ts", "//\n").commit("flash");
    origin.checkout("main").append("services/notify/src/index.ts", "//\n").commit("notify");
    remote = origin.bareClone(temp.resolve("remote.git"));
    work = remote.cloneTo(temp.resolve("work"));
    work.checkout("feature");
  }

  @Test
  void ci_githubPullRequest_basesOnOriginTargetBranch() throws IOException {
    Cli.Result result =
        ci().env("GITHUB_ACTIONS", "true").env("GITHUB_BASE_REF", "main").run("--format", "json");

    assertEquals(BASE_AND_EVERY_SERVICE, stages(result), result.toString());
    assertTrue(
        result.err().contains("base origin/main: GitHub Actions pull request into main"),
        result.toString());
  }

  @Test
  void ci_githubPush_basesOnBeforeFromEventFile() throws IOException {
    Path event =
        event("{\"before\": \"" + f1 + "\", \"repository\": {\"default_branch\":" + " \"main\"}}");

    Cli.Result result =
        ci().env("GITHUB_ACTIONS", "true")
            .env("GITHUB_EVENT_NAME", "push")
            .env("GITHUB_EVENT_PATH", event.toString())
            .run("--format", "json");

    assertEquals(List.of(List.of("flash")), stages(result), result.toString());
    assertTrue(result.err().contains("GitHub Actions push: 'before' " + f1), result.toString());
  }

  @Test
  void ci_githubPushOfNewBranch_basesOnMergeBaseWithDefaultBranch() throws IOException {
    Path event =
        event(
            "{\"before\": \"" + ZEROS + "\", \"repository\": {\"default_branch\":" + " \"main\"}}");

    Cli.Result result =
        ci().env("GITHUB_ACTIONS", "true")
            .env("GITHUB_EVENT_PATH", event.toString())
            .run("--format", "json");

    assertEquals(BASE_AND_EVERY_SERVICE, stages(result), result.toString());
    assertTrue(
        result
            .err()
            .contains(
                "new branch ('before' is all zeros): merge base with the" + " default branch main"),
        result.toString());
  }

  @Test
  void ci_gitlabMergeRequest_basesOnDiffBaseSha() throws IOException {
    Cli.Result result =
        ci().env("GITLAB_CI", "true")
            .env("CI_MERGE_REQUEST_DIFF_BASE_SHA", f1)
            .run("--format", "json");

    assertEquals(List.of(List.of("flash")), stages(result), result.toString());
    assertTrue(result.err().contains("GitLab merge request"), result.toString());
  }

  @Test
  void ci_gitlabPush_basesOnCommitBeforeSha() throws IOException {
    Cli.Result result =
        ci().env("GITLAB_CI", "true").env("CI_COMMIT_BEFORE_SHA", f1).run("--format", "json");

    assertEquals(List.of(List.of("flash")), stages(result), result.toString());
    assertTrue(result.err().contains("GitLab push: CI_COMMIT_BEFORE_SHA " + f1), result.toString());
  }

  @Test
  void ci_gitlabPushOfNewBranch_basesOnDefaultBranch() throws IOException {
    Cli.Result result =
        ci().env("GITLAB_CI", "true")
            .env("CI_COMMIT_BEFORE_SHA", ZEROS)
            .env("CI_DEFAULT_BRANCH", "main")
            .run("--format", "json");

    assertEquals(BASE_AND_EVERY_SERVICE, stages(result), result.toString());
  }

  @Test
  void ci_unknownPlatform_exitsTwoAskingForABase() {
    Cli.Result result = ci().run();

    assertEquals(2, result.exitCode(), result.toString());
    assertTrue(result.err().startsWith("error: no supported CI platform found"), result.toString());
  }

  @Test
  void since_allZerosSha_exitsTwo() {
    Cli.Result result = new Cli().in(work.dir()).withoutEnv("CI").run("--since", ZEROS);

    assertEquals(2, result.exitCode(), result.toString());
    assertTrue(result.err().contains("all-zeros SHA"), result.toString());
  }

  @Test
  void ci_forcePushedBeforeNotInClone_exitsTwoUnlessAllIsAskedFor() throws IOException {
    String gone = "1234567890".repeat(4);

    Cli.Result refused = ci().env("GITLAB_CI", "true").env("CI_COMMIT_BEFORE_SHA", gone).run();
    Cli.Result everything =
        ci().env("GITLAB_CI", "true")
            .env("CI_COMMIT_BEFORE_SHA", gone)
            .run("--on-missing-base=all", "--format", "json");

    assertEquals(2, refused.exitCode(), refused.toString());
    assertTrue(refused.err().contains("--on-missing-base=all"), refused.toString());
    assertEquals(BASE_AND_EVERY_SERVICE, stages(everything), everything.toString());
  }

  @Test
  void shallowClone_mergeBaseMissing_exitsTwoWithTheFixInOneLine() throws IOException {
    TestRepo shallow = shallowClone();

    Cli.Result result = new Cli().in(shallow.dir()).withoutEnv("CI").run("--since", "origin/main");

    assertEquals(2, result.exitCode(), result.toString());
    assertEquals(1, result.err().lines().count(), result.toString());
    assertTrue(result.err().contains("not in this shallow clone"), result.toString());
    assertTrue(result.err().contains("fetch-depth: 0"), result.toString());
    assertTrue(result.err().contains("git fetch --unshallow"), result.toString());
  }

  @Test
  void shallowClone_deepen_fetchesUntilTheMergeBaseAndPlansRight() throws IOException {
    TestRepo shallow = shallowClone();

    Cli.Result result =
        new Cli()
            .in(shallow.dir())
            .withoutEnv("CI")
            .run("--since", "origin/main", "--deepen", "--format", "json");

    assertEquals(BASE_AND_EVERY_SERVICE, stages(result), result.toString());
    assertTrue(result.err().contains("git fetch --quiet --deepen=8"), result.toString());
  }

  // Regression test for QA: actions/checkout clones one branch, so origin/<base> is not there.
  @Test
  void singleBranchShallowClone_pullRequestDeepen_fetchesTheBaseBranchAndPlansRight()
      throws IOException {
    work.checkout("main");
    for (int i = 0; i < 10; i++) {
      work.append("docs/guide.md", "more\n").commit("docs " + i); // one round of 8 is not enough
    }
    work.git("push", "-q", "origin", "main");
    TestRepo clone = remote.cloneTo(temp.resolve("single"), "--depth", "1", "--branch", "feature");

    Cli.Result result = pullRequestIntoMain(clone).run("--deepen", "--format", "json");

    assertEquals(BASE_AND_EVERY_SERVICE, stages(result), result.toString());
    assertTrue(
        result.err().contains("origin +refs/heads/main:refs/remotes/origin/main"),
        result.toString());
  }

  @Test
  void singleBranchClone_pullRequest_exitsTwoNamingAFetchThatWorks() throws IOException {
    TestRepo shallow =
        remote.cloneTo(temp.resolve("shallow"), "--depth", "1", "--branch", "feature");
    TestRepo complete =
        remote.cloneTo(temp.resolve("complete"), "--single-branch", "--branch", "feature");

    Cli.Result shallowResult = pullRequestIntoMain(shallow).run();
    Cli.Result completeResult = pullRequestIntoMain(complete).run();
    shallow.git("fetch", "-q", "--unshallow", "origin", "main:refs/remotes/origin/main");
    complete.git("fetch", "-q", "origin", "main:refs/remotes/origin/main");

    assertEquals(2, shallowResult.exitCode(), shallowResult.toString());
    assertEquals(1, shallowResult.err().lines().filter(l -> l.startsWith("error:")).count());
    assertTrue(
        shallowResult
            .err()
            .contains("fetch it (git fetch --unshallow origin main:refs/remotes/origin/main)"),
        shallowResult.toString());
    assertTrue(shallowResult.err().contains("fetch-depth: 0"), shallowResult.toString());
    assertTrue(
        completeResult.err().contains("fetch it (git fetch origin main:refs/remotes/origin/main)"),
        completeResult.toString());
    for (TestRepo fixed : List.of(shallow, complete)) {
      Cli.Result result = pullRequestIntoMain(fixed).run("--format", "json");
      assertEquals(BASE_AND_EVERY_SERVICE, stages(result), result.toString());
    }
  }

  private static Cli pullRequestIntoMain(TestRepo clone) {
    return new Cli()
        .in(clone.dir())
        .env("CI", "true")
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_EVENT_NAME", "pull_request")
        .env("GITHUB_BASE_REF", "main")
        .withoutEnv("GITLAB_CI")
        .withoutEnv("GITHUB_EVENT_PATH");
  }

  private TestRepo shallowClone() throws IOException {
    return remote.cloneTo(
        temp.resolve("shallow"), "--depth", "1", "--no-single-branch", "--branch", "feature");
  }

  private Cli ci() {
    return new Cli()
        .in(work.dir())
        .env("CI", "true")
        .withoutEnv("GITHUB_ACTIONS")
        .withoutEnv("GITLAB_CI")
        .withoutEnv("GITHUB_BASE_REF")
        .withoutEnv("GITHUB_EVENT_PATH");
  }

  private Path event(String json) throws IOException {
    Path file = temp.resolve("event.json");
    Files.writeString(file, json, UTF_8);
    return file;
  }
}
