package dev.rebuildplan.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Docker engine the engine tests run against ({@code DOCKER_HOST}, {@code DOCKER_CONFIG}), and
 * the docker CLI calls they make to it. A missing engine fails the tests; it never skips them.
 */
final class Engine {
  private static final String HOW_TO_START =
      "start the private engine first: .ci/engine-install && .ci/engine-start"
          + " && . .ci/engine-env, then mvn verify (or run .ci/test)";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path docker;

  private Engine(Path docker) {
    this.docker = docker;
  }

  /** The running engine; fails the calling test, with what to do, when there is none. */
  static Engine require() {
    Path docker = onPath("docker");
    if (docker == null) {
      fail("the engine tests need the docker CLI on PATH, and there is none; " + HOW_TO_START);
    }
    Engine engine = new Engine(docker);
    engine.requireAnswer(List.of("version", "--format", "{{.Server.Version}}"), "docker version");
    engine.requireAnswer(List.of("compose", "version"), "docker compose version");
    if (!Files.isExecutable(Path.of("/bin/busybox"))) {
      fail(
          "the engine tests copy /bin/busybox into their base images, and it is missing;"
              + " install busybox-static (.ci/engine-install does)");
    }
    return engine;
  }

  private void requireAnswer(List<String> args, String what) {
    Output output = run(args);
    if (output.exitCode() != 0) {
      fail(
          "'"
              + what
              + "' failed (exit "
              + output.exitCode()
              + ") with DOCKER_HOST="
              + System.getenv("DOCKER_HOST")
              + ", DOCKER_CONFIG="
              + System.getenv("DOCKER_CONFIG")
              + ": "
              + output.err().strip()
              + "; "
              + HOW_TO_START);
    }
  }

  /** The absolute path of the real docker CLI. */
  Path dockerPath() {
    return docker;
  }

  /** What {@code docker image inspect} says about an image, if it exists. */
  Optional<ImageInfo> inspect(String image) {
    Output output = run(List.of("image", "inspect", image));
    if (output.exitCode() != 0) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(output.out()).get(0);
      List<String> layers = new ArrayList<>();
      node.path("RootFS").path("Layers").forEach(layer -> layers.add(layer.asText()));
      return Optional.of(
          new ImageInfo(
              image,
              node.get("Id").asText(),
              Instant.parse(node.get("Created").asText()),
              ImmutableList.copyOf(layers)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read docker image inspect " + image, e);
    }
  }

  /** Like {@link #inspect}, for an image that must exist. */
  ImageInfo require(String image) {
    return inspect(image).orElseThrow(() -> new AssertionError("no image " + image));
  }

  /** The content of a file in an image, read by a throw-away container without network. */
  String readFile(String image, String path) {
    return check(run(List.of("run", "--rm", "--network", "none", image, "cat", path))).out();
  }

  /** Removes every image labelled {@code label=value}, old untagged versions included. */
  void removeImages(String label, String value) {
    String ids =
        check(
                run(
                    List.of(
                        "image",
                        "ls",
                        "--all",
                        "--quiet",
                        "--filter",
                        "label=" + label + "=" + value)))
            .out();
    List<String> remove = new ArrayList<>(List.of("image", "rm", "--force"));
    ids.lines().distinct().forEach(remove::add);
    if (remove.size() > 3) {
      check(run(remove));
    }
  }

  /** Runs {@code docker compose ARGS} in {@code dir}. */
  Output compose(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("compose"));
    command.addAll(List.of(args));
    return run(command, dir);
  }

  Output run(List<String> args) {
    return run(args, Path.of("").toAbsolutePath());
  }

  private Output run(List<String> args, Path dir) {
    List<String> command = new ArrayList<>();
    command.add(docker.toString());
    command.addAll(args);
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
      process.getOutputStream().close();
      CompletableFuture<String> err = drain(process.getErrorStream());
      String out = new String(process.getInputStream().readAllBytes(), UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      return new Output(command, process.exitValue(), out, err.join());
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted: " + command, e);
    }
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(stream.readAllBytes(), UTF_8);
          } catch (IOException e) {
            return "";
          }
        });
  }

  private static Output check(Output output) {
    if (output.exitCode() != 0) {
      throw new AssertionError(output.toString());
    }
    return output;
  }

  /** The first executable called {@code name} on this JVM's PATH, or null. */
  static Path onPath(String name) {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(folder.isEmpty() ? "." : folder, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate.toAbsolutePath();
      }
    }
    return null;
  }

  /** One image as {@code docker image inspect} describes it. */
  record ImageInfo(String name, String id, Instant created, ImmutableList<String> layers) {
    /** Whether this image's layers start with all of {@code base}'s: it was built FROM it. */
    boolean isBuiltOn(ImageInfo base) {
      return layers.size() > base.layers().size()
          && layers.subList(0, base.layers().size()).equals(base.layers());
    }
  }

  /** What one docker call printed and returned. */
  record Output(List<String> command, int exitCode, String out, String err) {
    @Override
    public String toString() {
      return String.join(" ", command)
          + "\nexit "
          + exitCode
          + "\n--- stdout\n"
          + out
          + "--- stderr\n"
          + err;
    }
  }
}
