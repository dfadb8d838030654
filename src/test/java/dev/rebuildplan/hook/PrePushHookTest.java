package dev.rebuildplan.hook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rebuildplan.testing.Cli;
import dev.rebuildplan.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hook install} and {@code uninstall}, and the installed hook run by a real {@code git push}
 * to a bare remote. The hook calls a launcher script that runs this build's classes, as
 * bin/rebuild-plan runs the jar.
 */
class PrePushHookTest {
  private static final String EXISTING_HOOK =
      "#!/bin/sh\necho \"existing hook ran for $1\" >> \"$(git rev-parse --git-common-dir)/../"
          + "existing-hook.log\"\ncat >> \"$(git rev-parse --git-common-dir)/../existing-hook.log\"\n";

  @TempDir Path temp;
  private TestRepo remote;
  private TestRepo work;
  private Path launcher;

  @BeforeEach
  void createRemoteCloneAndLauncher() throws IOException {
    TestRepo origin = TestRepo.referenceLayout(temp.resolve("origin"));
    remote = origin.bareClone(temp.resolve("remote.git"));
    work = remote.cloneTo(temp.resolve("work"));
    launcher = launcher(null);
  }

  @Test
  void install_besideExistingHook_pushRunsBothAndPlans() throws IOException {
    Path hooks = work.dir().resolve(".git/hooks");
    executable(hooks.resolve("pre-push"), EXISTING_HOOK);
    work.branch("feature").append("packages/utils/index.ts", "//\n").commit("utils");

    Cli.Result install = hook("install");
    String push = work.git("push", "origin", "feature");

    assertEquals(0, install.exitCode(), install.toString());
    assertTrue(install.out().contains("kept as pre-push.before-rebuild-plan"), install.out());
    assertTrue(push.contains("7 images to rebuild in 2 stages."), push);
    String log = work.read("existing-hook.log");
    assertTrue(log.contains("existing hook ran for origin"), log);
    assertTrue(log.contains("refs/heads/feature " + work.sha("HEAD")), log);
  }

  @Test
  void install_withCoreHooksPath_writesThereAndPushRunsBoth() throws IOException {
    work.git("config", "core.hooksPath", ".husky");
    executable(work.dir().resolve(".husky/pre-push"), EXISTING_HOOK);
    work.branch("feature").append("services/flash/src/index.ts", "//\n").commit("flash");

    Cli.Result install = hook("install");
    String push = work.git("push", "origin", "feature");

    assertTrue(
        install.out().contains(work.dir().resolve(".husky/pre-push").toString()),
        install.toString());
    assertFalse(Files.exists(work.dir().resolve(".git/hooks/pre-push")));
    assertTrue(push.contains("1 image to rebuild in 1 stage."), push);
    assertTrue(work.read("existing-hook.log").contains("existing hook ran for origin"));
  }

  // Regression test for QA: the plan-only hook blocked the first push to an empty remote.
  @Test
  void install_firstPushToEmptyRemote_pushesAndPlansEveryFile() throws IOException {
    Path empty = temp.resolve("empty.git");
    work.run(temp, List.of("git", "init", "-q", "--bare", empty.toString()));
    work.git("remote", "add", "empty", empty.toString());
    hook("install");

    String push = work.git("push", "empty", "main");

    assertTrue(push.contains("from the empty tree"), push);
    assertTrue(push.contains("7 images to rebuild in 2 stages."), push);
    assertEquals(work.sha("HEAD"), work.run(empty, List.of("git", "rev-parse", "main")).strip());
  }

  @Test
  void install_twice_changesNothing() throws IOException {
    hook("install");
    Path hook = work.dir().resolve(".git/hooks/pre-push");
    String first = Files.readString(hook, UTF_8);

    Cli.Result again = hook("install");

    assertEquals(0, again.exitCode(), again.toString());
    assertTrue(again.out().contains("already installed"), again.out());
    assertEquals(first, Files.readString(hook, UTF_8));
    assertFalse(Files.exists(hook.resolveSibling("pre-push.before-rebuild-plan")));
  }

  @Test
  void uninstall_removesExactlyWhatInstallWrote() throws IOException {
    Path hooks = work.dir().resolve(".git/hooks");
    executable(hooks.resolve("pre-push"), EXISTING_HOOK);
    hook("install");

    Cli.Result uninstall = hook("uninstall");

    assertEquals(0, uninstall.exitCode(), uninstall.toString());
    assertEquals(EXISTING_HOOK, Files.readString(hooks.resolve("pre-push"), UTF_8));
    assertFalse(Files.exists(hooks.resolve("pre-push.before-rebuild-plan")));
  }

  // Regression test for QA: uninstall with nothing installed exited 2.
  @Test
  void uninstall_nothingInstalled_isANoOpExitingZero() throws IOException {
    Path hooks = work.dir().resolve(".git/hooks");

    Cli.Result uninstall = hook("uninstall");

    assertEquals(0, uninstall.exitCode(), uninstall.toString());
    assertEquals("no rebuild-plan hook in " + hooks + "; nothing to remove\n", uninstall.out());
    assertEquals("", uninstall.err());
  }

  @Test
  void uninstall_someoneElsesHook_leavesItAndExitsZero() throws IOException {
    Path hooks = work.dir().resolve(".git/hooks");
    executable(hooks.resolve("pre-push"), EXISTING_HOOK);

    Cli.Result uninstall = hook("uninstall");

    assertEquals(0, uninstall.exitCode(), uninstall.toString());
    assertEquals(
        "no rebuild-plan hook in "
            + hooks
            + " (its pre-push hook is not rebuild-plan's and stays);"
            + " nothing to remove\n",
        uninstall.out());
    assertEquals(EXISTING_HOOK, Files.readString(hooks.resolve("pre-push"), UTF_8));
  }

  @Test
  void install_launcherFromEnvironment_isRecordedElsePath() throws IOException {
    Path hook = work.dir().resolve(".git/hooks/pre-push");

    new Cli()
        .in(work.dir())
        .env("REBUILD_PLAN_LAUNCHER", launcher.toString())
        .run("hook", "install");
    String recorded = Files.readString(hook, UTF_8);
    hook("uninstall");
    new Cli().in(work.dir()).withoutEnv("REBUILD_PLAN_LAUNCHER").run("hook", "install");
    String onPath = Files.readString(hook, UTF_8);

    assertTrue(recorded.contains("launcher='" + launcher + "'"), recorded);
    assertTrue(onPath.contains("launcher=''"), onPath);
    assertTrue(onPath.contains("launcher=rebuild-plan"), onPath);
  }

  @Test
  void installWithBuild_failedBuild_blocksThePushNamingNoVerify() throws IOException {
    Path docker =
        executable(
            temp.resolve("failing-docker"),
            "#!/bin/sh\n[ \"$1 $2\" = 'compose version' ] && exit 0\necho 'build failed' >&2\n"
                + "exit 1\n");
    launcher = launcher(docker);
    work.branch("feature").append("services/flash/src/index.ts", "//\n").commit("flash");
    hook("install", "--build");

    IOException push = assertThrows(IOException.class, () -> work.git("push", "origin", "feature"));

    assertTrue(push.getMessage().contains("git push --no-verify"), push.getMessage());
    assertTrue(push.getMessage().contains("failed to push"), push.getMessage());
  }

  private Cli.Result hook(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "hook";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--launcher";
    all[args.length + 2] = launcher.toString();
    if (args[0].equals("uninstall")) {
      return new Cli().in(work.dir()).run("hook", "uninstall");
    }
    return new Cli().in(work.dir()).run(all);
  }

  /** A launcher like bin/rebuild-plan, running this build's classes instead of the jar. */
  private Path launcher(Path docker) throws IOException {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return executable(
        temp.resolve(docker == null ? "rebuild-plan" : "rebuild-plan-docker"),
        "#!/bin/sh\n"
            + (docker == null ? "" : "export REBUILD_PLAN_DOCKER='" + docker + "'\n")
            + "exec '"
            + java
            + "' -cp '"
            + classPath
            + "' dev.rebuildplan.cli.Main \"$@\"\n");
  }

  private static Path executable(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
