package dev.rebuildplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rebuildplan.testing.AugmentOsHistory;
import dev.rebuildplan.testing.AugmentOsHistory.Step;
import dev.rebuildplan.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} on the AugmentOS fixture with rules written the reference way: shared package
 * folders and the project's package.json to the base, each service folder to its service.
 */
class CheckAugmentOsTest {
  private static final String REFERENCE_RULES =
      """
      images:
        augmentos-cloud-base: {}
        cloud: {from: augmentos-cloud-base}
        dashboard-manager: {from: augmentos-cloud-base}
        live-captions: {from: augmentos-cloud-base}
        notify: {from: augmentos-cloud-base}
        miraai: {from: augmentos-cloud-base}
        mongodb: {build: false}
      rules:
        - match: [packages/config/**, packages/types/**, packages/utils/**, packages/sdk/**,
                  packages/agents/**, package.json, bun.lock]
          images: augmentos-cloud-base
        - match: packages/cloud/**
          images: cloud
        - match: packages/apps/{name}/**
          images: "{name}"
      """;
  private static final String PROJECT = AugmentOsHistory.FOLDER + "/";

  @TempDir static Path temp;
  private static AugmentOsHistory history;
  private static Path rules;

  @BeforeAll
  static void createHistory() throws IOException {
    Path busybox = Files.writeString(temp.resolve("busybox"), "not needed: nothing builds\n");
    history = AugmentOsHistory.create(temp.resolve("repo"), busybox);
    rules = Files.writeString(temp.resolve("reference-rules.yaml"), REFERENCE_RULES);
  }

  @Test
  void check_beforeCopyAll_reportsTheCrossServiceCopyAsMissed() {
    Cli.Result result = check(Step.CROSS_SERVICE_FILE_EDIT);

    assertEquals(1, result.exitCode(), result.toString());
    assertTrue(
        result
            .out()
            .contains(
                "missed: cloud is built from "
                    + PROJECT
                    + "packages/apps/live-captions/tpa_config.json (COPY"
                    + " packages/apps/live-captions/tpa_config.json ("
                    + PROJECT
                    + "Dockerfile.cloud:"),
        result.out());
    assertFalse(
        result
            .out()
            .contains("missed: augmentos-cloud-base is built from " + PROJECT + "README.md"),
        result.out());
    // What the reference rules do map must not be reported: a rules file kept outside the
    // repository is rooted at the working folder, here the compose project's.
    assertFalse(result.out().contains("packages/utils/src/index.ts"), result.out());
    assertFalse(
        result.out().contains("missed: cloud is built from " + PROJECT + "packages/cloud/"),
        result.out());
  }

  @Test
  void check_afterCopyAll_reportsTheBasesExtraInputsNamingThePaths() {
    Cli.Result result = check(Step.BASE_SWITCHES_TO_COPY_ALL);

    assertEquals(1, result.exitCode(), result.toString());
    for (String path :
        List.of(
            "README.md",
            "packages/cloud/src/index.ts",
            "packages/apps/live-captions/tpa_config.json")) {
      assertTrue(
          result
              .out()
              .contains(
                  "missed: augmentos-cloud-base is built from "
                      + PROJECT
                      + path
                      + " (COPY . ("
                      + PROJECT
                      + "Dockerfile.base:"),
          path + "\n" + result.out());
    }
    assertFalse(result.out().contains("node_modules"), result.out());
    assertFalse(result.out().contains("/dist/"), result.out());
  }

  private static Cli.Result check(Step step) {
    return new Cli()
        .in(history.projectDir())
        .run("check", "--rules", rules.toString(), "--head", history.commit(step));
  }
}
