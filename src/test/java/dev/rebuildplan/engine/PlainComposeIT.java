package dev.rebuildplan.engine;

import static dev.rebuildplan.engine.SampleProject.BASE;
import static dev.rebuildplan.engine.SampleProject.SERVICES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rebuildplan.engine.Engine.ImageInfo;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why the tool exists, shown on this engine's Compose: on an engine that has never built the base,
 * plain {@code docker compose build} resolves {@code FROM <base>} against Docker Hub instead of
 * building the base first, and fails (no registry is reachable here); rebuild-plan builds the base,
 * then the services, and succeeds.
 */
class PlainComposeIT {
  private static Engine engine;

  @TempDir Path temp;
  private SampleProject project;

  @BeforeAll
  static void requireEngine() {
    engine = Engine.require();
  }

  @BeforeEach
  void createProjectNeverBuilt() throws Exception {
    project = SampleProject.create(temp.resolve("repo"));
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
  void plainComposeBuildOfOneService_freshEngine_triesToPullTheBaseAndFails() {
    Engine.Output output = engine.compose(project.dir(), project.buildArgs("cloud"));

    assertNotEquals(0, output.exitCode(), output.toString());
    assertTrue(triedDockerHub(output), "resolves the base on Docker Hub:\n" + output);
    assertTrue(engine.inspect(project.image("cloud")).isEmpty());
    assertTrue(engine.inspect(project.image(BASE)).isEmpty());
  }

  @Test
  void plainComposeBuildOfEverything_freshEngine_doesNotWaitForTheBaseAndFails() {
    Engine.Output output = engine.compose(project.dir(), project.buildArgs());

    assertNotEquals(0, output.exitCode(), output.toString());
    assertTrue(triedDockerHub(output), "resolves the base on Docker Hub:\n" + output);
    SERVICES.forEach(service -> assertTrue(engine.inspect(project.image(service)).isEmpty()));
  }

  @Test
  void rebuildPlan_freshEngine_buildsTheBaseThenTheServicesOnIt() throws Exception {
    RebuildPlanProcess.Result result =
        new RebuildPlanProcess(project.dir()).run("--since", "main", "--build");

    assertEquals(0, result.exitCode(), result.toString());
    ImageInfo base = engine.require(project.image(BASE));
    for (String service : SERVICES) {
      ImageInfo image = engine.require(project.image(service));
      assertTrue(image.isBuiltOn(base), service + " is built on the base");
      assertTrue(image.created().isAfter(base.created()), service + " is created after the base");
    }
  }

  private boolean triedDockerHub(Engine.Output output) {
    return (output.out() + output.err()).contains("docker.io/library/" + project.image(BASE));
  }
}
