package dev.rebuildplan.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import org.junit.jupiter.api.Test;

class ComposeReaderIncludeTest {
  private static final ComposeInvocation IN_APP = ComposeInvocation.inFolder("app");

  private static ImmutableList<String> problemsOf(ComposeProject project) {
    return project.problems().stream()
        .map(ComposeProblem::toString)
        .collect(ImmutableList.toImmutableList());
  }

  @Test
  void read_includeShortForm_addsServicesWithPathsFromTheirFolder() {
    InMemoryFiles files =
        new InMemoryFiles()
            .with(
                "app/compose.yaml",
                "include:\n  - ../svc/compose.yaml\nservices:\n  db: {image: postgres}\n")
            .with(
                "svc/compose.yaml",
                """
                services:
                  api:
                    build:
                      context: ./api
                      additional_contexts: {shared: ../lib}
                  worker:
                    build: {dockerfile: worker.Dockerfile}
                """);

    ComposeProject project = ComposeReader.read(files, IN_APP);

    assertEquals(ImmutableList.of(), problemsOf(project));
    assertEquals(ImmutableSet.of("db", "api", "worker"), project.services().keySet());
    BuildSpec api = project.service("api").get().build().get();
    assertEquals("svc/api", api.context());
    assertEquals("svc/api/Dockerfile", api.dockerfile());
    assertEquals(ImmutableMap.of("shared", "lib"), api.additionalContexts());
    assertEquals(
        "svc/worker.Dockerfile", project.service("worker").get().build().get().dockerfile());
    assertEquals("app-api", project.service("api").get().image());
  }

  @Test
  void read_includeLongForm_usesProjectDirectoryAndEnvFile() {
    String compose =
        """
        include:
          - path: [svc/base.yaml, svc/more.yaml]
            project_directory: tools
            env_file: svc/vars.env
        """;
    InMemoryFiles files =
        new InMemoryFiles()
            .with("app/compose.yaml", compose)
            .with("app/svc/base.yaml", "services:\n  api:\n    build: ./api\n")
            .with("app/svc/more.yaml", "services:\n  api:\n    image: ${REGISTRY}/api\n")
            .with("app/svc/vars.env", "REGISTRY=registry.example\n")
            .with("app/svc/.env", "REGISTRY=ignored\n");

    ComposeProject project = ComposeReader.read(files, IN_APP);

    assertEquals(ImmutableList.of(), problemsOf(project));
    ComposeService api = project.service("api").get();
    assertEquals("registry.example/api", api.image());
    assertEquals("app/tools/api", api.build().get().context());
  }

  @Test
  void read_includedEnvFile_givesDefaultsUnderTheIncludingEnvironment() {
    InMemoryFiles files =
        new InMemoryFiles()
            .with("app/compose.yaml", "include: [svc/compose.yaml]\n")
            .with("app/.env", "TAG=outer\n")
            .with("app/svc/.env", "TAG=inner\nNAME=api\n")
            .with("app/svc/compose.yaml", "services:\n  api:\n    image: ${NAME}:${TAG}\n");

    ComposeProject project = ComposeReader.read(files, IN_APP);

    assertEquals(ImmutableList.of(), problemsOf(project));
    assertEquals("api:outer", project.service("api").get().image());
  }

  @Test
  void read_nestedInclude_resolvesEachAgainstItsOwnFolder() {
    InMemoryFiles files =
        new InMemoryFiles()
            .with("app/compose.yaml", "include: [one/compose.yaml]\n")
            .with(
                "app/one/compose.yaml",
                "include: [two/compose.yaml]\nservices:\n  a:\n    build: .\n")
            .with("app/one/two/compose.yaml", "services:\n  b:\n    build: ./b\n");

    ComposeProject project = ComposeReader.read(files, IN_APP);

    assertEquals(ImmutableList.of(), problemsOf(project));
    assertEquals("app/one", project.service("a").get().build().get().context());
    assertEquals("app/one/two/b", project.service("b").get().build().get().context());
  }

  @Test
  void read_includeDefiningAServiceAgain_isAConflict() {
    InMemoryFiles files =
        new InMemoryFiles()
            .with(
                "app/compose.yaml",
                "include:\n  - svc/compose.yaml\nservices:\n  api: {image: mine}\n")
            .with("app/svc/compose.yaml", "services:\n  api:\n    build: .\n");

    ComposeProject project = ComposeReader.read(files, IN_APP);

    assertEquals(
        ImmutableList.of(
            "app/compose.yaml:2:5: service api is defined both in app/compose.yaml and in the"
                + " included app/svc/compose.yaml"),
        problemsOf(project));
  }

  @Test
  void read_includeCycle_isALocatedProblem() {
    InMemoryFiles files =
        new InMemoryFiles()
            .with("app/compose.yaml", "include: [a.yaml]\n")
            .with("app/a.yaml", "services:\n  a: {image: a}\ninclude:\n  - b.yaml\n")
            .with("app/b.yaml", "include:\n  - a.yaml\n");

    ComposeProject project = ComposeReader.read(files, IN_APP);

    assertEquals(
        ImmutableList.of(
            "app/b.yaml:2:5: include cycle: app/compose.yaml -> app/a.yaml -> app/b.yaml"
                + " -> app/a.yaml"),
        problemsOf(project));
  }

  @Test
  void read_missingIncludedFile_isALocatedProblem() {
    InMemoryFiles files =
        new InMemoryFiles()
            .with(
                "app/compose.yaml",
                "services:\n  db: {image: postgres}\ninclude:\n  - gone.yaml\n");

    ComposeProject project = ComposeReader.read(files, IN_APP);

    assertEquals(
        ImmutableList.of("app/compose.yaml:4:5: included file app/gone.yaml not found"),
        problemsOf(project));
  }
}
