package dev.rebuildplan.engine;

import static dev.rebuildplan.engine.SampleProject.BASE;
import static dev.rebuildplan.engine.SampleProject.SERVICES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM during a build: rebuild-plan stops the running {@code docker compose}, exits at once and
 * starts no later stage, although the base's RUN step would still sleep for a minute.
 */
class InterruptIT {
  /** A sleep no other process on the machine runs, so the build step's process can be found. */
  private static final String SLOW_STEP = "sleep 61";

  private static Engine engine;

  @TempDir Path temp;
  private SampleProject project;

  @BeforeAll
  static void requireEngine() {
    engine = Engine.require();
  }

  @BeforeEach
  void createProjectWithSlowBase() throws Exception {
    project = SampleProject.create(temp.resolve("repo"), "RUN " + SLOW_STEP);
    project
        .repo()
        .branch("feature")
        .append("packages/utils/index.ts", "export const more = 2;\n")
        .commit("utils");
  }

  @AfterEach
  void removeImages() {
    project.removeImages(engine);
  }

  @Test
  void build_sigtermDuringFirstStage_stopsComposeAndStartsNoLaterStage() throws Exception {
    RebuildPlanProcess.Started started =
        new RebuildPlanProcess(project.dir()).start("--since", "main", "--build");
    started.awaitLine(line -> line.startsWith("[1/2] "), Duration.ofSeconds(30));
    started.awaitLine(line -> line.contains("RUN " + SLOW_STEP), Duration.ofSeconds(30));
    List<ProcessHandle> children = started.process().descendants().toList();
    assertTrue(
        children.stream().anyMatch(InterruptIT::isComposeBuild),
        "a docker compose build runs: " + children.stream().map(InterruptIT::describe).toList());

    long stopAt = System.nanoTime();
    // SIGTERM through the handle: Process.destroy() would also close our ends of its pipes.
    started.process().toHandle().destroy();
    RebuildPlanProcess.Result result = started.awaitExit(Duration.ofSeconds(30));
    Duration stopping = Duration.ofNanos(System.nanoTime() - stopAt);

    assertEquals(143, result.exitCode(), result.toString());
    assertTrue(stopping.compareTo(Duration.ofSeconds(15)) < 0, "exited after " + stopping);
    assertTrue(awaitGone(children), "left running: " + alive(children));
    assertTrue(awaitNoSlowStep(), "the base's RUN step still runs on the engine");
    assertEquals(List.of(), result.errLines("[2/2] "), result.toString());
    assertTrue(
        result.err().contains("error: interrupted in stage 1/2; later stages were not run"),
        "reports the interruption before exiting:\n" + result);
    assertEquals(1, result.errLines("  [2/2] cloud flash notify").size(), result.toString());
    assertTrue(result.errLines("  [2/2] ").get(0).endsWith("not run"), result.toString());
    assertTrue(engine.inspect(project.image(BASE)).isEmpty(), "the base was not built");
    SERVICES.forEach(service -> assertTrue(engine.inspect(project.image(service)).isEmpty()));
  }

  private static boolean isComposeBuild(ProcessHandle process) {
    String command = describe(process);
    return command.contains("compose") && command.contains(" build ");
  }

  private static String describe(ProcessHandle process) {
    ProcessHandle.Info info = process.info();
    String[] arguments = info.arguments().orElse(new String[0]);
    return info.command().orElse("?") + " " + String.join(" ", arguments);
  }

  private static List<String> alive(List<ProcessHandle> processes) {
    return processes.stream().filter(ProcessHandle::isAlive).map(InterruptIT::describe).toList();
  }

  /** Whether all processes end within a few seconds: they were told to stop, not waited for. */
  private static boolean awaitGone(List<ProcessHandle> processes) throws InterruptedException {
    return await(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
  }

  private static boolean awaitNoSlowStep() throws InterruptedException {
    return await(
        () ->
            ProcessHandle.allProcesses()
                .map(process -> process.info().commandLine())
                .flatMap(Optional::stream)
                .noneMatch(command -> command.contains(SLOW_STEP)));
  }

  private static boolean await(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(100);
    }
    return condition.getAsBoolean();
  }
}
