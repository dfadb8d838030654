package dev.rebuildplan.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real command line, {@code bin/rebuild-plan} over the packaged jar, run as a subprocess with
 * this JVM's environment ({@code DOCKER_HOST}, {@code DOCKER_CONFIG} included).
 */
final class RebuildPlanProcess {
  private static final Path LAUNCHER = Path.of("bin/rebuild-plan").toAbsolutePath();
  private static final Path JAR = Path.of("target/rebuild-plan.jar").toAbsolutePath();

  private final Path workDir;
  private final Map<String, String> environment = new HashMap<>(System.getenv());

  RebuildPlanProcess(Path workDir) {
    if (!Files.isRegularFile(JAR)) {
      fail(JAR + " is missing; the engine tests run after `mvn package` (use mvn verify)");
    }
    this.workDir = workDir;
    // The launcher runs `java` from PATH; tests may narrow PATH, so name this JVM's java.
    environment.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    environment.remove("REBUILD_PLAN_DOCKER");
  }

  RebuildPlanProcess env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** Runs to the end (at most two minutes) and returns what it printed. */
  Result run(String... args) throws IOException, InterruptedException {
    Started started = start(args);
    return started.awaitExit(Duration.ofMinutes(2));
  }

  /** Starts it; its output is collected as it comes. */
  Started start(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    return new Started(process, command);
  }

  /** A running rebuild-plan whose stdout and stderr are collected line by line. */
  static final class Started {
    private final Process process;
    private final List<String> command;
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private final Thread outCopy;
    private final Thread errCopy;

    private Started(Process process, List<String> command) {
      this.process = process;
      this.command = command;
      this.outCopy = collect(process.getInputStream(), out);
      this.errCopy = collect(process.getErrorStream(), err);
    }

    Process process() {
      return process;
    }

    /** Waits until a line of stdout or stderr matches; fails after {@code timeout}. */
    String awaitLine(Predicate<String> matches, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        for (String line : (out + "\n" + err).split("\n")) {
          if (matches.test(line)) {
            return line;
          }
        }
        if (!process.isAlive()) {
          break;
        }
        Thread.sleep(50);
      }
      throw new AssertionError(
          "no such line from "
              + command
              + " within "
              + timeout
              + "\n"
              + snapshot(process.isAlive() ? -1 : process.exitValue()));
    }

    Result awaitExit(Duration timeout) throws InterruptedException {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " still ran after " + timeout + "\n" + snapshot(-1));
      }
      outCopy.join();
      errCopy.join();
      return snapshot(process.exitValue());
    }

    private Result snapshot(int exitCode) {
      return new Result(exitCode, out.toString(), err.toString());
    }

    private static Thread collect(InputStream stream, StringBuffer into) {
      Thread thread =
          new Thread(
              () -> {
                try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(stream, UTF_8))) {
                  String line;
                  while ((line = reader.readLine()) != null) {
                    into.append(line).append('\n');
                  }
                } catch (IOException e) {
                  // The process is gone; what it wrote has been collected.
                }
              });
      thread.setDaemon(true);
      thread.start();
      return thread;
    }
  }

  /** What one run printed and returned. */
  record Result(int exitCode, String out, String err) {
    /** The lines of stderr that start with {@code prefix}. */
    List<String> errLines(String prefix) {
      return err.lines().filter(line -> line.startsWith(prefix)).toList();
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
