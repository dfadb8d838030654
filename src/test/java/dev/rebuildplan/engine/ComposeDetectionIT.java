package dev.rebuildplan.engine;

import static dev.rebuildplan.engine.SampleProject.BASE;
import static dev.rebuildplan.engine.SampleProject.SERVICES;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rebuildplan.engine.Engine.ImageInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which compose rebuild-plan calls: the v2 plugin when {@code docker compose version} answers, else
 * a v1 {@code docker-compose} on PATH (here a script forwarding to the real v2 plugin, since no v1
 * is installed), else one error line. PATH is narrowed to what the launcher needs, so no
 * docker-compose of the machine leaks in.
 */
class ComposeDetectionIT {
  private static Engine engine;

  @TempDir Path temp;
  private SampleProject project;
  private Path tools;
  private Path v1Folder;
  private Path v1Calls;

  @BeforeAll
  static void requireEngine() {
    engine = Engine.require();
  }

  @BeforeEach
  void createProjectAndTools() throws Exception {
    project = SampleProject.create(temp.resolve("repo"));
    project
        .repo()
        .branch("feature")
        .append("packages/utils/index.ts", "export const more = 2;\n")
        .commit("utils");
    tools = Files.createDirectories(temp.resolve("tools"));
    for (String tool : List.of("bash", "dirname", "readlink")) {
      script(tools.resolve(tool), "exec '" + Engine.onPath(tool) + "' \"$@\"\n");
    }
    v1Folder = Files.createDirectories(temp.resolve("v1"));
    v1Calls = temp.resolve("v1-calls.txt");
    script(
        v1Folder.resolve("docker-compose"),
        "printf '%s\\n' \"$*\" >> '"
            + v1Calls
            + "'\n"
            + "exec '"
            + engine.dockerPath()
            + "' compose \"$@\"\n");
  }

  @AfterEach
  void removeImages() {
    project.removeImages(engine);
  }

  @Test
  void build_v2Answers_usesDockerComposeEvenWithV1OnPath() throws Exception {
    String docker = engine.dockerPath().toString();

    RebuildPlanProcess.Result result = rebuildPlan(docker, tools + ":" + v1Folder);

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(
        List.of(
            "[1/2] " + docker + " compose -p " + project.prefix() + " build " + BASE,
            "[2/2] " + docker + " compose -p " + project.prefix() + " build cloud flash notify"),
        result.errLines("["));
    assertFalse(Files.exists(v1Calls), "docker-compose was not called");
  }

  @Test
  void build_onlyV1OnPath_buildsEveryStageWithDockerCompose() throws Exception {
    Path noV2 = noComposeDocker();

    RebuildPlanProcess.Result result = rebuildPlan(noV2.toString(), tools + ":" + v1Folder);

    assertEquals(0, result.exitCode(), result.toString());
    String v1 = v1Folder.resolve("docker-compose").toString();
    assertEquals(
        List.of(
            "[1/2] " + v1 + " -p " + project.prefix() + " build " + BASE,
            "[2/2] " + v1 + " -p " + project.prefix() + " build cloud flash notify"),
        result.errLines("["));
    assertEquals(
        List.of(
            "-p " + project.prefix() + " build " + BASE,
            "-p " + project.prefix() + " build cloud flash notify"),
        Files.readAllLines(v1Calls, UTF_8));
    ImageInfo base = engine.require(project.image(BASE));
    SERVICES.forEach(service -> assertTrue(engine.require(project.image(service)).isBuiltOn(base)));
  }

  @Test
  void build_neitherV2NorV1_oneErrorLineSayingWhatIsMissing() throws Exception {
    Path noV2 = noComposeDocker();

    RebuildPlanProcess.Result result = rebuildPlan(noV2.toString(), tools.toString());

    assertEquals(2, result.exitCode(), result.toString());
    assertEquals(
        List.of(
            "error: '"
                + noV2
                + " compose version' failed and no docker-compose is on PATH;"
                + " install the Docker Compose v2 plugin, or pass --docker PATH"),
        result.err().lines().toList());
    assertTrue(engine.inspect(project.image(BASE)).isEmpty(), "nothing was built");
  }

  private RebuildPlanProcess.Result rebuildPlan(String docker, String path) throws Exception {
    return new RebuildPlanProcess(project.dir())
        .env("PATH", path)
        .run("--since", "main", "--build", "--docker", docker);
  }

  /** A docker CLI without the compose plugin: {@code docker compose version} fails. */
  private Path noComposeDocker() throws IOException {
    return script(
        temp.resolve("no-compose/docker"),
        "echo \"docker: '$1' is not a docker command.\" >&2\nexit 1\n");
  }

  private static Path script(Path file, String body) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n" + body, UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
