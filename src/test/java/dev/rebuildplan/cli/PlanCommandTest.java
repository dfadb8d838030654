package dev.rebuildplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rebuildplan.testing.Cli;
import dev.rebuildplan.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job end to end, in process, on real repositories of the reference layout. */
class PlanCommandTest {
  private static final List<List<String>> BASE_AND_EVERY_SERVICE =
      List.of(
          List.of("augmentos-cloud-base"),
          List.of("cloud", "dashboard-manager", "flash", "live-captions", "miraai", "notify"));

  @TempDir Path temp;
  private TestRepo repo;

  @BeforeEach
  void createRepository() throws IOException {
    repo = TestRepo.referenceLayout(temp.resolve("repo"));
  }

  @Test
  void since_changeInSharedPackage_rebuildsBaseThenEveryService() throws IOException {
    repo.branch("feature").append("packages/utils/index.ts", "// more\n").commit("utils");

    Cli.Result result = plan("--since", "main");

    assertEquals(BASE_AND_EVERY_SERVICE, result.stages(), result.toString());
  }

  @Test
  void since_rootPackageJsonChanged_rebuildsBaseThenEveryService() throws IOException {
    repo.branch("feature").write("package.json", "{}\n").commit("root manifest");

    assertEquals(BASE_AND_EVERY_SERVICE, plan("--since", "main").stages());
  }

  @Test
  void since_fileDeletedUnderPackages_rebuildsBaseThenEveryService() throws IOException {
    repo.branch("feature").delete("packages/sdk/index.ts").commit("drop sdk");

    assertEquals(BASE_AND_EVERY_SERVICE, plan("--since", "main").stages());
  }

  @Test
  void since_servicePackageJsonChanged_rebuildsOnlyThatService() throws IOException {
    repo.branch("feature").write("services/flash/package.json", "{}\n").commit("flash");

    assertEquals(List.of(List.of("flash")), plan("--since", "main").stages());
  }

  @Test
  void since_twoServicesChanged_planOneStageWithBoth() throws IOException {
    repo.branch("feature")
        .append("services/notify/src/index.ts", "//\n")
        .append("services/cloud/src/index.ts", "//\n")
        .commit("two services");

    assertEquals(List.of(List.of("cloud", "notify")), plan("--since", "main").stages());
  }

  @Test
  void since_docsOnly_plansNothingAndExitsZero() throws IOException {
    repo.branch("feature")
        .append("docs/guide.md", "more\n")
        .append("README.md", "x\n")
        .commit("docs");

    Cli.Result result = plan("--since", "main");

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(List.of(), result.stages());
  }

  /*
   *   main:    A --- M1 (packages/sdk)
   *             \
   *   feature:   F1 (services/flash)
   */
  @Test
  void since_mainMovedOn_plansOnlyTheBranchesOwnWork() throws IOException {
    repo.branch("feature").append("services/flash/src/index.ts", "//\n").commit("flash");
    repo.checkout("main").append("packages/sdk/index.ts", "//\n").commit("sdk on main");
    repo.checkout("feature");

    assertEquals(List.of(List.of("flash")), plan("--since", "main").stages());
  }

  /*
   *   main:    A --- M1 (packages/sdk)
   *             \        \
   *   feature:   F1 ----- X (merge main into feature)
   */
  @Test
  void since_afterMergingMainIntoBranch_stillOnlyTheBranchesOwnWork() throws IOException {
    repo.branch("feature").append("services/flash/src/index.ts", "//\n").commit("flash");
    repo.checkout("main").append("packages/sdk/index.ts", "//\n").commit("sdk on main");
    repo.checkout("feature").merge("main");

    assertEquals(List.of(List.of("flash")), plan("--since", "main").stages());
  }

  @Test
  void since_fileMovedBetweenServices_rebuildsBoth() throws IOException {
    repo.branch("feature")
        .move("services/flash/src/index.ts", "services/notify/src/moved.ts")
        .commit("move");

    assertEquals(List.of(List.of("flash", "notify")), plan("--since", "main").stages());
  }

  @Test
  void since_nameWithSpaceAndAccent_plansThatServiceWithThePathIntact() throws IOException {
    String path = "services/live-captions/src/sous-titres é.ts";
    repo.branch("feature").write(path, "x\n").commit("accented");

    Cli.Result result = plan("--since", "main");

    assertEquals(List.of(List.of("live-captions")), result.stages());
    assertEquals(path, result.json().get("changedPaths").get(0).asText());
  }

  @Test
  void since_unknownBranch_exitsTwoWithOneLineNamingIt() {
    Cli.Result result = plan("--since", "no-such-branch");

    assertEquals(2, result.exitCode());
    assertEquals("", result.out());
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(result.err().startsWith("error: unknown revision 'no-such-branch'"), result.err());
  }

  @Test
  void run_outsideGitRepository_exitsTwoWithOneLine() {
    Cli.Result result = new Cli().run("-C", temp.toString(), "--since", "main");

    assertEquals(2, result.exitCode());
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(result.err().contains("is not in a git repository"), result.err());
  }

  @Test
  void build_recordingDocker_runsOneComposeBuildPerStageInOrder() throws IOException {
    repo.branch("feature").append("packages/utils/index.ts", "//\n").commit("utils");
    RecordingDocker docker = RecordingDocker.create(temp, null);

    Cli.Result result = plan("--since", "main", "--build", "--docker", docker.path());

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(
        List.of(
            "compose build augmentos-cloud-base",
            "compose build cloud dashboard-manager flash live-captions miraai notify"),
        docker.builds());
    assertTrue(result.err().contains("[1/2] "), result.err());
    assertTrue(result.err().contains("Summary:"), result.err());
  }

  @Test
  void build_firstStageFails_secondNeverRunsAndExitsOne() throws IOException {
    repo.branch("feature").append("packages/utils/index.ts", "//\n").commit("utils");
    RecordingDocker docker = RecordingDocker.create(temp, "augmentos-cloud-base");

    Cli.Result result = plan("--since", "main", "--build", "--docker", docker.path());

    assertEquals(1, result.exitCode(), result.toString());
    assertEquals(List.of("compose build augmentos-cloud-base"), docker.builds());
    assertTrue(result.err().contains("error: stage 1/2 failed"), result.err());
    assertTrue(result.err().contains("not run"), result.err());
  }

  @Test
  void build_dryRun_printsCommandsAndRunsNothing() throws IOException {
    repo.branch("feature").append("services/flash/src/index.ts", "//\n").commit("flash");
    RecordingDocker docker = RecordingDocker.create(temp, null);

    Cli.Result result =
        plan(
            "--since",
            "main",
            "--build",
            "--dry-run",
            "--docker",
            docker.path(),
            "--",
            "--no-cache");

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(List.of(), docker.calls());
    assertEquals(
        "[\"" + docker.path() + "\",\"compose\",\"build\",\"--no-cache\",\"flash\"]",
        result.json().get("commands").get(0).toString());
    assertTrue(result.err().contains("dry run"), result.err());
  }

  @Test
  void build_jsonFormat_keepsStdoutParseable() throws IOException {
    repo.branch("feature").append("services/flash/src/index.ts", "//\n").commit("flash");
    RecordingDocker docker = RecordingDocker.create(temp, null);

    Cli.Result result = plan("--since", "main", "--build", "--docker", docker.path());

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(List.of(List.of("flash")), result.stages());
    assertTrue(docker.builds().contains("compose build flash"));
  }

  @Test
  void run_sinceAndBaseTogether_exitsTwo() {
    Cli.Result result = plan("--since", "main", "--base", "main");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().startsWith("error: --since and --base do not go together"));
  }

  @Test
  void run_noBaseGiven_exitsTwoSayingWhatToPass() {
    Cli.Result result = new Cli().withoutEnv("CI").run("-C", repo.dir().toString());

    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("--since REF"), result.err());
  }

  @Test
  void run_unknownOption_exitsTwoWithoutStackTrace() {
    Cli.Result result = plan("--since", "main", "--bogus");

    assertEquals(2, result.exitCode());
    assertEquals(1, result.err().lines().count(), result.err());
    assertFalse(result.err().contains("at dev."), result.err());
  }

  @Test
  void run_flagsAfterDoubleDashWithoutBuild_saysBuildIsMissing() {
    Cli.Result result = plan("--since", "main", "--", "--no-cache");

    assertEquals(2, result.exitCode());
    assertEquals(
        "error: '--no-cache' is for docker compose build, and nothing is built; add --build, or"
            + " drop the flags after --\n",
        result.err());
  }

  @Test
  void run_minusCNamingAFile_saysItIsNotAFolder() throws IOException {
    Cli.Result result =
        new Cli().run("-C", repo.dir().resolve("package.json").toString(), "--since", "main");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().endsWith("package.json: not a folder\n"), result.err());
  }

  @Test
  void run_uncommittedWithAnotherHead_exitsTwo() {
    Cli.Result result = plan("--since", "main", "--uncommitted", "--head", "main");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().startsWith("error: --uncommitted counts the work tree"), result.err());
  }

  @Test
  void build_noComposeToRun_exitsTwoNamingWhatIsMissing() throws IOException {
    repo.branch("feature").append("services/flash/src/index.ts", "//\n").commit("flash");

    Cli.Result result =
        new Cli()
            .env("PATH", temp.toString())
            .run(
                "-C",
                repo.dir().toString(),
                "--since",
                "main",
                "--build",
                "--docker",
                temp.resolve("no-docker").toString());

    assertEquals(2, result.exitCode(), result.toString());
    assertTrue(
        result.err().contains("compose version' failed and no docker-compose is on PATH"),
        result.err());
  }

  @Test
  void build_emptyDockerName_exitsTwo() {
    Cli.Result result = plan("--since", "main", "--build", "--docker", "");

    assertEquals(2, result.exitCode());
    assertEquals(
        "error: --docker is empty; name the docker executable, or leave it out\n", result.err());
  }

  @Test
  void help_listsExitCodes() {
    Cli.Result result = new Cli().run("--help");

    assertEquals(0, result.exitCode());
    assertTrue(result.out().contains("Exit codes:"), result.out());
    assertTrue(result.out().contains("  2    bad input"), result.out());
  }

  @Test
  void since_rulesRootedInSubfolder_matchRelativeToItAndIgnoreTheRest() throws IOException {
    TestRepo nested = TestRepo.init(temp.resolve("nested"));
    nested
        .write(".rebuild-plan.yaml", "root: augmentos_cloud\n" + referenceRulesBody())
        .write("augmentos_cloud/packages/utils/index.ts", "1\n")
        .write("augmentos_cloud/services/flash/index.ts", "1\n")
        .write("mobile/packages/utils/index.ts", "1\n")
        .commit("layout");
    nested
        .branch("feature")
        .append("augmentos_cloud/services/flash/index.ts", "2\n")
        .append("mobile/packages/utils/index.ts", "2\n")
        .commit("change");

    Cli.Result result =
        new Cli().run("-C", nested.dir().toString(), "--format", "json", "--since", "main");

    assertEquals(List.of(List.of("flash")), result.stages());
    assertEquals(".rebuild-plan.yaml", result.json().get("rules").asText());
  }

  @Test
  void run_brokenRulesFile_exitsTwoWithFileLineAndProperty() throws IOException {
    repo.write(
            ".rebuild-plan.yaml",
            referenceRulesBody()
                .replace("{from: augmentos-cloud-base}", "{from: augmentos-cloud-bse}"))
        .commit("broken rules");

    Cli.Result result = plan("--since", "HEAD~1");

    assertEquals(2, result.exitCode(), result.toString());
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(
        result
            .err()
            .matches(
                "error: \\.rebuild-plan\\.yaml:\\d+:\\d+: images\\.cloud\\.from: "
                    + "'augmentos-cloud-bse' is not a declared image.*\\n"),
        result.err());
  }

  @Test
  void base_andHead_compareTheTwoTrees() throws IOException {
    repo.branch("feature").append("services/miraai/src/index.ts", "//\n").commit("miraai");
    repo.checkout("main").append("services/notify/src/index.ts", "//\n").commit("notify on main");

    Cli.Result result = plan("--base", "main", "--head", "feature");

    assertEquals(List.of(List.of("miraai", "notify")), result.stages());
    assertEquals(repo.sha("feature"), result.json().get("head").get("commit").asText());
  }

  @Test
  void uncommitted_countsWorkingTreeChanges() throws IOException {
    repo.branch("feature").append("services/flash/src/index.ts", "//\n").commit("flash");
    repo.write("services/notify/src/new.ts", "untracked\n");

    assertEquals(List.of(List.of("flash")), plan("--since", "main").stages());
    assertEquals(
        List.of(List.of("flash", "notify")), plan("--since", "main", "--uncommitted").stages());
    assertEquals(List.of(List.of("notify")), plan("--uncommitted").stages());
  }

  @Test
  void text_listsStagesReasonsAndCommands() throws IOException {
    repo.branch("feature").append("packages/utils/index.ts", "//\n").commit("utils");

    Cli.Result result = new Cli().run("-C", repo.dir().toString(), "--since", "main");

    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.out().startsWith("7 images to rebuild in 2 stages.\n"), result.out());
    assertTrue(
        result
            .out()
            .contains("  augmentos-cloud-base  packages/utils/index.ts  (rule packages/**)\n"),
        result.out());
    assertTrue(result.out().contains("  cloud                 FROM augmentos-cloud-base\n"));
    assertTrue(
        result
            .out()
            .contains(
                "  docker compose build cloud dashboard-manager flash live-captions"
                    + " miraai notify\n"),
        result.out());
    assertEquals("", result.err());
  }

  @Test
  void base_andHead_readTheRulesFileOfTheHeadNotOfTheCheckout() throws IOException {
    repo.branch("feature")
        .write(
            ".rebuild-plan.yaml",
            "images: {only-image: {}}\nrules: [{match: services/**, images: only-image}]\n")
        .append("services/flash/src/index.ts", "//\n")
        .commit("own rules");
    repo.checkout("main");

    Cli.Result result = plan("--base", "main", "--head", "feature");

    assertEquals(List.of(List.of("only-image")), result.stages());
  }

  @Test
  void since_builtInRulesMatchNothing_warnsThatTheFallbackWasUsed() throws IOException {
    repo.branch("feature").append("services/flash/src/index.ts", "//\n").commit("flash");

    Cli.Result result =
        new Cli().run("-C", repo.dir().resolve("services").toString(), "--since", "main");

    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.out().startsWith("Nothing to rebuild"), result.out());
    assertTrue(
        result.err().startsWith("warning: no compose file in ")
            && result.err().contains("built-in augmentos-cloud rules"),
        result.err());
  }

  private static String referenceRulesBody() throws IOException {
    try (var in = PlanCommandTest.class.getResourceAsStream("/rules/augmentos-cloud.yaml")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private Cli.Result plan(String... args) {
    List<String> all = new ArrayList<>(List.of("-C", repo.dir().toString(), "--format", "json"));
    all.addAll(List.of(args));
    return new Cli().run(all.toArray(String[]::new));
  }
}
