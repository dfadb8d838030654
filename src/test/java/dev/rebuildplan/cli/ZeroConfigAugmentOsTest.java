package dev.rebuildplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rebuildplan.testing.AugmentOsHistory;
import dev.rebuildplan.testing.AugmentOsHistory.Step;
import dev.rebuildplan.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Zero-config plans on the AugmentOS history, commit by commit, against stages written out by hand.
 * Each image is written {@code name[sources]}; stages are separated by {@code |}. The engine test
 * DockerCacheAgreementIT checks the same history against what Docker really rebuilds.
 */
class ZeroConfigAugmentOsTest {
  private static final String BASE_THEN_ALL =
      "augmentos-cloud-base[dockerfile] | cloud[parent] dashboard-manager[parent]"
          + " live-captions[parent] notify[parent]";
  private static final String COPY_ALL_THEN_ALL =
      "augmentos-cloud-base[dockerfile] | cloud[parent] live-captions[parent] miraai[parent]"
          + " notify[parent]";

  private static final Map<Step, String> EXPECTED =
      new EnumMap<>(
          Map.ofEntries(
              Map.entry(Step.SHARED_PACKAGE_EDIT, BASE_THEN_ALL),
              Map.entry(Step.SERVICE_EDIT, "dashboard-manager[dockerfile]"),
              // tpa_config.json lives in live-captions' folder, and cloud copies it too.
              Map.entry(
                  Step.CROSS_SERVICE_FILE_EDIT, "cloud[dockerfile] live-captions[dockerfile]"),
              Map.entry(Step.IGNORED_FILES_EDIT, ""),
              Map.entry(Step.UNUSED_DOCKER_FILES_EDIT, ""),
              Map.entry(Step.PORTS_AND_ENVIRONMENT_EDIT, ""),
              Map.entry(Step.README_EDIT_NOT_COPIED, ""),
              Map.entry(Step.BUILD_ARG_EDIT, "cloud[compose]"),
              // No Dockerfile declares the argument, so Docker's image stays the same: an
              // over-build the
              // plan accepts, as it compares build sections rather than their effect.
              Map.entry(Step.UNUSED_BUILD_ARG_ADDED, "live-captions[compose]"),
              Map.entry(Step.SERVICE_ADDED, "miraai[compose,dockerfile]"),
              Map.entry(Step.SERVICE_REMOVED, " removed: dashboard-manager"),
              Map.entry(Step.BASE_SWITCHES_TO_COPY_ALL, COPY_ALL_THEN_ALL),
              // The project's README is in the base's context now, and not ignored.
              Map.entry(Step.README_EDIT_COPIED, COPY_ALL_THEN_ALL),
              Map.entry(Step.IGNORED_FILES_EDIT_AFTER_COPY_ALL, ""),
              Map.entry(Step.COMPOSE_AND_UNUSED_FILES_EDIT_AFTER_COPY_ALL, ""),
              // Every service's ignore file is an input of its image, and the base copies it too.
              Map.entry(
                  Step.DOCKERIGNORE_EDIT_AFTER_COPY_ALL,
                  "augmentos-cloud-base[dockerfile] | cloud[dockerfile,parent]"
                      + " live-captions[dockerfile,parent] miraai[dockerfile,parent]"
                      + " notify[dockerfile,parent]")));

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path temp;
  private static AugmentOsHistory history;

  @BeforeAll
  static void createHistory() throws IOException {
    Path busybox = Files.writeString(temp.resolve("busybox"), "not needed: nothing builds\n");
    history = AugmentOsHistory.create(temp.resolve("repo"), busybox);
  }

  @Test
  void expectations_coverEveryStepButTheFirst() {
    assertEquals(Step.values().length - 1, EXPECTED.size());
  }

  @ParameterizedTest
  @EnumSource(value = Step.class, names = "INITIAL", mode = EnumSource.Mode.EXCLUDE)
  void plan_eachCommitAgainstItsParent_matchesTheHandWrittenStages(Step step) throws IOException {
    String head = history.commit(step);

    Cli.Result result =
        new Cli()
            .in(history.projectDir())
            .run("--base", head + "~1", "--head", head, "--format", "json");

    assertEquals(0, result.exitCode(), result.toString());
    JsonNode plan = JSON.readTree(result.out());
    assertEquals(EXPECTED.get(step), describe(plan), result.toString());
    assertEveryImageSaysWhy(plan, result);
  }

  /** Renders the stages, each image with its sources, and the removed services. */
  static String describe(JsonNode plan) {
    List<String> stages = new ArrayList<>();
    for (JsonNode stage : plan.get("stages")) {
      List<String> images = new ArrayList<>();
      for (JsonNode image : stage) {
        List<String> sources = new ArrayList<>();
        plan.get("images").get(image.asText()).get("sources").forEach(s -> sources.add(s.asText()));
        images.add(image.asText() + "[" + String.join(",", sources) + "]");
      }
      stages.add(String.join(" ", images));
    }
    List<String> removed = new ArrayList<>();
    plan.get("removed").forEach(service -> removed.add(service.asText()));
    return String.join(" | ", stages)
        + (removed.isEmpty() ? "" : " removed: " + String.join(" ", removed));
  }

  private static void assertEveryImageSaysWhy(JsonNode plan, Cli.Result result) {
    plan.get("images")
        .fields()
        .forEachRemaining(
            image -> {
              assertFalse(
                  image.getValue().get("reasons").isEmpty(), image.getKey() + "\n" + result);
              assertFalse(
                  image.getValue().get("sources").isEmpty(), image.getKey() + "\n" + result);
            });
  }
}
