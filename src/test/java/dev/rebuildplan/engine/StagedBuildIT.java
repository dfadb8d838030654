package dev.rebuildplan.engine;

import static dev.rebuildplan.engine.SampleProject.BASE;
import static dev.rebuildplan.engine.SampleProject.SERVICES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rebuildplan.engine.Engine.ImageInfo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rebuild-plan --since main --build} on a real engine, over a project whose images were all
 * built once on main: what it rebuilds, in which order, on which base, and what it leaves alone.
 */
class StagedBuildIT {
  private static Engine engine;

  @TempDir Path temp;
  private SampleProject project;

  @BeforeAll
  static void requireEngine() {
    engine = Engine.require();
  }

  @BeforeEach
  void buildEverythingOnMain() throws Exception {
    project = SampleProject.create(temp.resolve("repo"));
    project.buildAllInStages(engine);
    project.repo().branch("feature");
  }

  @AfterEach
  void removeImages() {
    project.removeImages(engine);
  }

  @Test
  void build_sharedPackageChanged_rebuildsBaseThenEveryServiceOnTheNewBase() throws Exception {
    Map<String, ImageInfo> before = images();
    project.repo().append("packages/utils/index.ts", "export const more = 2;\n").commit("utils");

    RebuildPlanProcess.Result result = rebuildPlan("--since", "main", "--build");

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(
        List.of(
            "[1/2] docker compose -p " + project.prefix() + " build " + BASE,
            "[2/2] docker compose -p " + project.prefix() + " build cloud flash notify"),
        result.errLines("["));
    ImageInfo base = engine.require(project.image(BASE));
    assertNotEquals(before.get(BASE).id(), base.id(), "base rebuilt");
    String baseMarker = engine.readFile(project.image(BASE), "/base-marker");
    for (String service : SERVICES) {
      ImageInfo image = engine.require(project.image(service));
      assertNotEquals(before.get(service).id(), image.id(), service + " rebuilt");
      assertTrue(
          image.created().isAfter(base.created()),
          service + " created " + image.created() + ", base " + base.created());
      assertTrue(image.isBuiltOn(base), service + " layers start with the new base's layers");
      assertEquals(
          baseMarker,
          engine.readFile(project.image(service), "/app/base-marker"),
          service + "'s RUN step ran on the new base");
    }
  }

  @Test
  void build_oneServiceChanged_rebuildsOnlyThatService() throws Exception {
    Map<String, ImageInfo> before = images();
    project.repo().append("services/flash/src/index.ts", "console.log('more');\n").commit("flash");

    RebuildPlanProcess.Result result = rebuildPlan("--since", "main", "--build");

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(
        List.of("[1/1] docker compose -p " + project.prefix() + " build flash"),
        result.errLines("["));
    Map<String, ImageInfo> after = images();
    for (String image : List.of(BASE, "cloud", "notify")) {
      assertEquals(before.get(image).id(), after.get(image).id(), image + " kept its id");
    }
    assertNotEquals(before.get("flash").id(), after.get("flash").id(), "flash rebuilt");
    assertTrue(after.get("flash").isBuiltOn(after.get(BASE)));
  }

  @Test
  void build_baseStageFails_exitsOneNamesTheStageAndChangesNoImage() throws Exception {
    Map<String, ImageInfo> before = images();
    project.writeBaseDockerfile("RUN echo 'base step fails' && exit 1");
    project.repo().commit("broken base");

    RebuildPlanProcess.Result result = rebuildPlan("--since", "main", "--build");

    assertEquals(1, result.exitCode(), result.toString());
    List<String> summary = result.errLines("  [");
    assertEquals(2, summary.size(), result.toString());
    assertTrue(
        summary.get(0).matches("  \\[1/2\\] " + BASE + " .* FAILED \\(exit \\d+\\)"),
        summary.get(0));
    assertTrue(summary.get(1).matches("  \\[2/2\\] cloud flash notify .* not run"), summary.get(1));
    assertTrue(
        result.err().contains("error: stage 1/2 failed (" + BASE + " exited with "),
        result.toString());
    assertEquals(
        List.of("[1/2] docker compose -p " + project.prefix() + " build " + BASE),
        result.errLines("["));
    assertEquals(ids(before), ids(images()), "no image changed");
  }

  private RebuildPlanProcess.Result rebuildPlan(String... args) throws Exception {
    return new RebuildPlanProcess(project.dir()).run(args);
  }

  private Map<String, ImageInfo> images() {
    Map<String, ImageInfo> images = new LinkedHashMap<>();
    images.put(BASE, engine.require(project.image(BASE)));
    SERVICES.forEach(service -> images.put(service, engine.require(project.image(service))));
    return images;
  }

  private static Map<String, String> ids(Map<String, ImageInfo> images) {
    Map<String, String> ids = new LinkedHashMap<>();
    images.forEach((name, info) -> ids.put(name, info.id()));
    return ids;
  }
}
