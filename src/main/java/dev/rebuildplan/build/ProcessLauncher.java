package dev.rebuildplan.build;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/** Starts external processes; the one seam between the tool and docker. */
public interface ProcessLauncher {
  /** A started process. */
  interface Running {
    /** Waits for the process and for its output to be copied; returns its exit code. */
    int waitFor() throws InterruptedException;

    /** Asks the process to stop (SIGTERM), then kills it if it has not stopped in time. */
    void stop();
  }

  /**
   * Starts {@code args} in {@code dir}, copying its standard output to {@code out} and its error
   * output to {@code err} as it comes.
   *
   * @throws IOException when the executable cannot be started
   */
  Running start(List<String> args, Path dir, Writer out, Writer err) throws IOException;
}
