package dev.rebuildplan.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rebuildplan.build.ProcessLauncher;
import dev.rebuildplan.build.SystemProcessLauncher;
import dev.rebuildplan.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the command line in process, with captured stdout and stderr. */
public final class Cli {
  private final Map<String, String> environment = new HashMap<>(System.getenv());
  private ProcessLauncher launcher = new SystemProcessLauncher();
  private Path startDir = Path.of("").toAbsolutePath();
  private String stdin = "";

  public Cli env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  public Cli withoutEnv(String name) {
    environment.remove(name);
    return this;
  }

  public Cli in(Path dir) {
    this.startDir = dir;
    return this;
  }

  /** What the command reads on standard input (git's ref lines for pre-push). */
  public Cli stdin(String text) {
    this.stdin = text;
    return this;
  }

  public Cli launcher(ProcessLauncher processLauncher) {
    this.launcher = processLauncher;
    return this;
  }

  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args,
            new ByteArrayInputStream(stdin.getBytes(UTF_8)),
            new PrintWriter(out),
            new PrintWriter(err),
            environment,
            startDir,
            launcher);
    return new Result(code, out.toString(), err.toString());
  }

  /** What one run printed and returned. */
  public record Result(int exitCode, String out, String err) {
    /** Standard output read as JSON. */
    public JsonNode json() throws IOException {
      return new ObjectMapper().readTree(out);
    }

    /** The plan's stages from JSON output; fails unless the run exited 0. */
    public List<List<String>> stages() throws IOException {
      assertEquals(0, exitCode, this::toString);
      List<List<String>> stages = new ArrayList<>();
      for (JsonNode stage : json().get("stages")) {
        List<String> images = new ArrayList<>();
        stage.forEach(image -> images.add(image.asText()));
        stages.add(images);
      }
      return stages;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
