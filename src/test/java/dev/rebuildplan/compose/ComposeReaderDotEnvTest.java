package dev.rebuildplan.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

// Regression tests for QA: the project folder's .env file was never read.
class ComposeReaderDotEnvTest {
  private static final String BASE_SERVICE =
      "services:\n  base:\n    build: base\n    image: \"${REG}/base\"\n";

  private static ImmutableList<String> messages(ComposeProject project) {
    return project.problems().stream()
        .map(ComposeProblem::toString)
        .collect(ImmutableList.toImmutableList());
  }

  @Test
  void read_dotEnvInFolder_interpolatesTheComposeFile() {
    InMemoryFiles files =
        new InMemoryFiles().with("app/.env", "REG=myorg\n").with("app/compose.yaml", BASE_SERVICE);

    ComposeProject project = ComposeReader.read(files, ComposeInvocation.inFolder("app"));

    assertEquals(ImmutableList.of(), project.problems());
    assertEquals("myorg/base", project.service("base").get().image());
  }

  @Test
  void read_environmentAndDotEnvBothSet_environmentWins() {
    InMemoryFiles files =
        new InMemoryFiles().with(".env", "REG=myorg\n").with("compose.yaml", BASE_SERVICE);

    ComposeProject project =
        ComposeReader.read(
            files, ComposeInvocation.inFolder(".").withEnvironment(Map.of("REG", "other")));

    assertEquals("other/base", project.service("base").get().image());
  }

  @Test
  void read_dotEnvComposeFileAndSeparator_chooseTheFiles() {
    InMemoryFiles files =
        new InMemoryFiles()
            .with(".env", "COMPOSE_FILE=one.yaml;two.yaml\nCOMPOSE_PATH_SEPARATOR=;\n")
            .with("compose.yaml", "services:\n  ignored:\n    build: .\n")
            .with("one.yaml", "services:\n  a:\n    build: a\n")
            .with("two.yaml", "services:\n  b:\n    build: b\n");

    ComposeProject project = ComposeReader.read(files, ComposeInvocation.inFolder("."));

    assertEquals(ImmutableList.of("one.yaml", "two.yaml"), project.files());
    assertEquals(ImmutableList.of("a", "b"), project.services().keySet().asList());
  }

  @Test
  void read_dotEnvProjectName_namesTheProject() {
    InMemoryFiles files =
        new InMemoryFiles()
            .with(".env", "COMPOSE_PROJECT_NAME=shop\n")
            .with("compose.yaml", "name: ignored\nservices:\n  a:\n    build: .\n");

    ComposeProject project = ComposeReader.read(files, ComposeInvocation.inFolder("."));

    assertEquals("shop", project.name());
  }

  @Test
  void read_dotEnvBesideFirstExplicitFile_isTheOneRead() {
    InMemoryFiles files =
        new InMemoryFiles()
            .with(".env", "REG=wrong\n")
            .with("deploy/.env", "REG=myorg\n")
            .with("deploy/compose.yaml", BASE_SERVICE);

    ComposeProject project =
        ComposeReader.read(files, ComposeInvocation.inFolder(".").withFiles("deploy/compose.yaml"));

    assertEquals("myorg/base", project.service("base").get().image());
  }

  @Test
  void read_dotEnvValues_feedBuildArgsWithoutValue() {
    String compose = "services:\n  a:\n    build:\n      context: .\n      args: [VERSION]\n";
    InMemoryFiles files =
        new InMemoryFiles().with(".env", "VERSION=1.2\n").with("compose.yaml", compose);

    ComposeProject project = ComposeReader.read(files, ComposeInvocation.inFolder("."));

    assertEquals(
        ImmutableMap.of("VERSION", "1.2"), project.service("a").get().build().get().args());
  }

  @Test
  void read_malformedDotEnvLine_isAProblemWithFileAndLine() {
    InMemoryFiles files =
        new InMemoryFiles()
            .with("app/.env", "# registry\nREG=myorg\nNOT A VARIABLE\n")
            .with("app/compose.yaml", BASE_SERVICE);

    ComposeProject project = ComposeReader.read(files, ComposeInvocation.inFolder("app"));

    assertEquals(
        ImmutableList.of("app/.env:3:1: invalid line: expected KEY=VALUE, got \"NOT A VARIABLE\""),
        messages(project));
    assertEquals("myorg/base", project.service("base").get().image());
  }
}
