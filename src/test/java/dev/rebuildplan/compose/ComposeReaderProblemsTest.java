package dev.rebuildplan.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import org.junit.jupiter.api.Test;

class ComposeReaderProblemsTest {
  private static final ComposeInvocation IN_APP = ComposeInvocation.inFolder("app");

  private static ImmutableList<String> problemsOf(String compose) {
    InMemoryFiles files = new InMemoryFiles().with("app/compose.yaml", compose);
    return ComposeReader.read(files, IN_APP).problems().stream()
        .map(ComposeProblem::toString)
        .collect(ImmutableList.toImmutableList());
  }

  @Test
  void read_invalidYaml_isOneLocatedLine() {
    ImmutableList<String> problems = problemsOf("services:\n  web:\n    build: [./web\n");

    assertEquals(1, problems.size());
    assertTrue(
        problems.get(0).startsWith("app/compose.yaml:4:1: not valid YAML: "), problems.get(0));
    assertTrue(!problems.get(0).contains("\n"), problems.get(0));
  }

  @Test
  void read_badIndentation_isOneLocatedLine() {
    ImmutableList<String> problems = problemsOf("services:\n  web:\n    build: .\n   image: x\n");

    assertEquals(1, problems.size());
    assertTrue(problems.get(0).startsWith("app/compose.yaml:4:"), problems.get(0));
  }

  @Test
  void read_servicesNotAMapping_isAProblem() {
    ImmutableList<String> problems = problemsOf("services:\n  - web\n  - db\n");

    assertEquals(
        ImmutableList.of("app/compose.yaml:2:3: services must be a mapping, got a list"), problems);
  }

  @Test
  void read_buildANumber_isAProblemAndOtherServicesAreRead() {
    String compose = "services:\n  web:\n    build: 42\n  api:\n    build: ./api\n";
    InMemoryFiles files = new InMemoryFiles().with("app/compose.yaml", compose);

    ComposeProject project = ComposeReader.read(files, IN_APP);

    assertEquals(
        "app/compose.yaml:3:12: build must be a string or a mapping, got a number",
        project.problems().get(0).toString());
    assertEquals("app/api", project.service("api").get().build().get().context());
  }

  @Test
  void read_serviceNotAMapping_isAProblem() {
    ImmutableList<String> problems = problemsOf("services:\n  web: nginx\n");

    assertEquals(
        ImmutableList.of("app/compose.yaml:2:8: service web must be a mapping, got a string"),
        problems);
  }

  @Test
  void read_argsAString_isAProblem() {
    ImmutableList<String> problems =
        problemsOf("services:\n  web:\n    build:\n      context: .\n      args: A=1\n");

    assertEquals(
        ImmutableList.of(
            "app/compose.yaml:5:13: build.args must be a mapping or a list, got a string"),
        problems);
  }

  @Test
  void read_contextAMapping_isAProblem() {
    ImmutableList<String> problems =
        problemsOf("services:\n  web:\n    build:\n      context:\n        path: .\n");

    assertEquals(
        ImmutableList.of("app/compose.yaml:5:9: build.context must be a string, got a mapping"),
        problems);
  }

  @Test
  void read_topLevelList_isAProblem() {
    ImmutableList<String> problems = problemsOf("- web\n");

    assertEquals(
        ImmutableList.of("app/compose.yaml:1:1: the top level must be a mapping, got a list"),
        problems);
  }

  @Test
  void read_emptyFile_isAProblem() {
    ImmutableList<String> problems = problemsOf("# nothing yet\n");

    assertEquals(ImmutableList.of("app/compose.yaml: the compose file is empty"), problems);
  }

  @Test
  void read_duplicateServiceKey_isAProblem() {
    ImmutableList<String> problems =
        problemsOf("services:\n  web:\n    build: .\n  web:\n    build: ./other\n");

    assertEquals(
        ImmutableList.of("app/compose.yaml:4:3: mapping key 'web' is already defined"), problems);
  }

  @Test
  void read_problemInOverrideFile_namesThatFile() {
    InMemoryFiles files =
        new InMemoryFiles()
            .with("app/compose.yaml", "services:\n  web:\n    build: .\n")
            .with("app/compose.override.yaml", "services:\n  web:\n    build: true\n");

    ComposeProject project = ComposeReader.read(files, IN_APP);

    assertEquals(
        "app/compose.override.yaml:3:12: build must be a string or a mapping, got a boolean",
        project.problems().get(0).toString());
    assertEquals("app", project.service("web").get().build().get().context());
  }

  @Test
  void read_serviceWithoutImageOrBuild_isAProblem() {
    ImmutableList<String> problems = problemsOf("services:\n  web:\n    ports: [\"80:80\"]\n");

    assertEquals(
        ImmutableList.of("app/compose.yaml: service web has neither an image nor a build"),
        problems);
  }
}
