package dev.rebuildplan.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.google.common.collect.ImmutableList;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Stage order and cancellation, against a launcher whose processes run until stopped. */
class StageRunnerTest {
  private static final List<ImmutableList<String>> TWO_STAGES =
      List.of(ImmutableList.of("base"), ImmutableList.of("cloud", "flash"));

  @Test
  void run_cancelledWhileTheStageStarts_stopsThatStageAndStartsNoOther() {
    AtomicReference<StageRunner> runner = new AtomicReference<>();
    UntilStopped launcher = new UntilStopped(() -> runner.get().cancel());
    runner.set(runner(launcher));

    ImmutableList<StageResult> results =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> runner.get().run(TWO_STAGES));

    assertEquals(1, launcher.started.get());
    assertEquals(StageResult.Outcome.INTERRUPTED, results.get(0).outcome());
    assertEquals(StageResult.Outcome.NOT_RUN, results.get(1).outcome());
  }

  @Test
  void run_cancelledWhileTheStageRuns_stopsItAndStartsNoOther() {
    AtomicReference<StageRunner> runner = new AtomicReference<>();
    UntilStopped launcher = new UntilStopped(() -> {});
    runner.set(runner(launcher));
    launcher.onWait = () -> runner.get().cancel();

    ImmutableList<StageResult> results =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> runner.get().run(TWO_STAGES));

    assertEquals(1, launcher.started.get());
    assertEquals(StageResult.Outcome.INTERRUPTED, results.get(0).outcome());
    assertEquals(StageResult.Outcome.NOT_RUN, results.get(1).outcome());
  }

  private static StageRunner runner(ProcessLauncher launcher) {
    ComposeCommand compose = ComposeCommand.v2("docker", List.of(), Optional.empty(), List.of());
    StringWriter log = new StringWriter();
    return new StageRunner(launcher, compose, Path.of("."), log, new PrintWriter(log));
  }

  /** Starts processes that run until stopped; a hook runs as each one starts. */
  private static final class UntilStopped implements ProcessLauncher {
    private final Runnable onStart;
    private final AtomicInteger started = new AtomicInteger();
    private volatile Runnable onWait = () -> {};

    UntilStopped(Runnable onStart) {
      this.onStart = onStart;
    }

    @Override
    public Running start(List<String> args, Path dir, Writer out, Writer err) {
      started.incrementAndGet();
      // A signal that arrives after the process started, before the runner knows about it.
      onStart.run();
      CountDownLatch stopped = new CountDownLatch(1);
      return new Running() {
        @Override
        public int waitFor() throws InterruptedException {
          new Thread(onWait).start();
          stopped.await();
          return 143;
        }

        @Override
        public void stop() {
          stopped.countDown();
        }
      };
    }
  }
}
