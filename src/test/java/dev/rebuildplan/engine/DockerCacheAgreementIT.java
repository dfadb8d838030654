package dev.rebuildplan.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.Sets;
import dev.rebuildplan.testing.AugmentOsHistory;
import dev.rebuildplan.testing.AugmentOsHistory.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker's own cache is the judge: for each commit of the AugmentOS history, every image is built
 * with plain staged {@code docker compose build} at the commit, and the zero-config plan for the
 * commit against its parent must contain every image whose id changed. Images planned whose id did
 * not change are over-building, accepted only in the cases listed in {@link #ACCEPTED}.
 *
 * <p>Needs the engine of {@code .ci/engine-start}, found through DOCKER_HOST and DOCKER_CONFIG.
 */
class DockerCacheAgreementIT {
  /**
   * Over-building Docker's cache shows to be harmless, by step, each with why it is accepted.
   *
   * <ul>
   *   <li>UNUSED_BUILD_ARG_ADDED: live-captions' build section gains an argument its Dockerfile
   *       never declares, so BuildKit ignores it. The plan compares build sections, not their
   *       effect on the image, and rebuilds: a build that costs a cache lookup, not a stale image.
   * </ul>
   */
  private static final Map<Step, Set<String>> ACCEPTED =
      Map.of(Step.UNUSED_BUILD_ARG_ADDED, Set.of("live-captions"));

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path LAUNCHER = Path.of("bin/rebuild-plan").toAbsolutePath();

  @TempDir Path temp;
  private final String project = "rp-cache-" + ProcessHandle.current().pid();
  private final Set<String> builtImages = new TreeSet<>();
  private AugmentOsHistory history;

  @Test
  void everyCommit_planHasEveryImageWhoseIdChanged_andOverBuildsOnlyWhereAccepted()
      throws IOException {
    Engine.require();
    history = AugmentOsHistory.create(temp.resolve("repo"), busybox());
    Map<Step, Set<String>> missed = new TreeMap<>();
    Map<Step, Set<String>> overBuilt = new TreeMap<>();
    List<String> report = new ArrayList<>();

    Map<String, String> previous = buildAll(Step.INITIAL);
    for (Step step : Step.values()) {
      if (step == Step.INITIAL) {
        continue;
      }
      Map<String, String> current = buildAll(step);
      Set<String> changed = changedImages(previous, current);
      Set<String> planned = planned(step, Sets.difference(previous.keySet(), current.keySet()));
      record(missed, step, Sets.difference(changed, planned));
      record(overBuilt, step, Sets.difference(planned, changed));
      report.add(String.format("%-45s docker: %-60s plan: %s", step, changed, planned));
      previous = current;
    }

    String table = String.join("\n", report);
    System.out.println(table);
    assertEquals(Map.of(), missed, "images Docker rebuilt that the plan missed\n" + table);
    assertEquals(new TreeMap<>(ACCEPTED), overBuilt, "over-building\n" + table);
  }

  @AfterEach
  void removeImages() throws IOException {
    if (!builtImages.isEmpty()) {
      List<String> command = new ArrayList<>(List.of("docker", "image", "rm", "-f"));
      command.addAll(builtImages);
      run(temp, command);
    }
  }

  /** Checks out a step and builds it the way compose users must: the base first, then the rest. */
  private Map<String, String> buildAll(Step step) throws IOException {
    history.repo().git("checkout", "-q", history.commit(step));
    Map<String, String> images = builtServiceImages();
    composeBuild(List.of(AugmentOsHistory.BASE));
    List<String> rest = new ArrayList<>(images.keySet());
    rest.remove(AugmentOsHistory.BASE);
    composeBuild(rest);
    Map<String, String> ids = new TreeMap<>();
    for (Map.Entry<String, String> image : images.entrySet()) {
      ids.put(image.getKey(), imageId(image.getValue()));
    }
    builtImages.addAll(images.values());
    return ids;
  }

  private void composeBuild(List<String> services) throws IOException {
    List<String> command = new ArrayList<>(List.of("docker", "compose", "-p", project, "build"));
    command.addAll(services);
    run(history.projectDir(), command);
  }

  /** The services with a build section, each with its image name, as compose names it. */
  private Map<String, String> builtServiceImages() throws IOException {
    JsonNode config =
        JSON.readTree(
            run(
                history.projectDir(),
                List.of("docker", "compose", "-p", project, "config", "--format", "json")));
    Map<String, String> images = new TreeMap<>();
    config
        .get("services")
        .fields()
        .forEachRemaining(
            service -> {
              if (service.getValue().has("build")) {
                JsonNode image = service.getValue().get("image");
                images.put(
                    service.getKey(),
                    image == null ? project + "-" + service.getKey() : image.asText());
              }
            });
    return images;
  }

  private String imageId(String image) throws IOException {
    return run(temp, List.of("docker", "image", "inspect", "--format", "{{.Id}}", image)).strip();
  }

  /** Images whose id changed, or that are new; removed services are not images to build. */
  private static Set<String> changedImages(Map<String, String> before, Map<String, String> after) {
    Set<String> changed = new TreeSet<>();
    after.forEach(
        (service, id) -> {
          if (!id.equals(before.get(service))) {
            changed.add(service);
          }
        });
    return changed;
  }

  /**
   * The zero-config plan of a step against its parent, through the launcher; checks that it says
   * why each image is there, and that it lists the removed services.
   */
  private Set<String> planned(Step step, Set<String> removed) throws IOException {
    String head = history.commit(step);
    String output =
        run(
            temp,
            List.of(
                LAUNCHER.toString(),
                "-C",
                history.projectDir().toString(),
                "--base",
                head + "~1",
                "--head",
                head,
                "--format",
                "json"));
    JsonNode plan = JSON.readTree(output);
    Set<String> planned = new TreeSet<>();
    plan.get("images")
        .fields()
        .forEachRemaining(
            image -> {
              planned.add(image.getKey());
              assertFalse(image.getValue().get("reasons").isEmpty(), step + " " + image.getKey());
              assertFalse(image.getValue().get("sources").isEmpty(), step + " " + image.getKey());
            });
    Set<String> listedRemoved = new TreeSet<>();
    plan.get("removed").forEach(service -> listedRemoved.add(service.asText()));
    assertEquals(removed, listedRemoved, step + " removed services\n" + output);
    return planned;
  }

  private static void record(Map<Step, Set<String>> found, Step step, Set<String> images) {
    if (!images.isEmpty()) {
      found.put(step, new TreeSet<>(images));
    }
  }

  private static Path busybox() {
    return Path.of("/bin/busybox"); // Engine.require() checked it is there
  }

  /** Runs a command; returns its stdout, or fails with its stderr. */
  private static String run(Path dir, List<String> command) throws IOException {
    Path stderr = Files.createTempFile("rp-it", ".err");
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectError(stderr.toFile()).start();
    String out = new String(process.getInputStream().readAllBytes(), UTF_8);
    try {
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException("timed out: " + command);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + command, e);
    }
    String err = Files.readString(stderr, UTF_8);
    Files.delete(stderr);
    if (process.exitValue() != 0) {
      throw new IOException(command + " exited with " + process.exitValue() + ":\n" + out + err);
    }
    return out;
  }
}
