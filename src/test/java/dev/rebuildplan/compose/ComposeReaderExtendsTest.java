package dev.rebuildplan.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComposeReaderExtendsTest {
  private static final ComposeInvocation IN_APP = ComposeInvocation.inFolder("app");

  private static ImmutableList<String> problemsOf(ComposeProject project) {
    return project.problems().stream()
        .map(ComposeProblem::toString)
        .collect(ImmutableList.toImmutableList());
  }

  @Test
  void read_extendsInTheSameFile_mergesOverTheBase() {
    String compose =
        """
        services:
          base:
            image: shop/base
            profiles: [tools]
            build:
              context: ./base
              args: {MODE: dev, NODE: "20"}
          web:
            extends: {service: base}
            image: shop/web
            build:
              target: prod
              args: {MODE: prod}
        """;
    InMemoryFiles files = new InMemoryFiles().with("app/compose.yaml", compose);

    ComposeProject project = ComposeReader.read(files, IN_APP);

    assertEquals(ImmutableList.of(), problemsOf(project));
    ComposeService web = project.service("web").get();
    BuildSpec build = web.build().get();
    assertEquals("shop/web", web.image());
    assertEquals(ImmutableSet.of("tools"), web.profiles());
    assertEquals("app/base", build.context());
    assertEquals(Optional.of("prod"), build.target());
    assertEquals(ImmutableMap.of("MODE", "prod", "NODE", "20"), build.args());
  }

  @Test
  void read_extendsFromAnotherFile_resolvesItsPathsAgainstThatFolder() {
    InMemoryFiles files =
        new InMemoryFiles()
            .with(
                "app/compose.yaml",
                "services:\n  web:\n    extends:\n      file: ../common/services.yaml\n"
                    + "      service: node\n")
            .with(
                "common/services.yaml",
                """
                services:
                  node:
                    build:
                      context: ./node
                      dockerfile: node.Dockerfile
                      additional_contexts: {lib: ./lib}
                """);

    ComposeProject project = ComposeReader.read(files, IN_APP);

    assertEquals(ImmutableList.of(), problemsOf(project));
    BuildSpec build = project.service("web").get().build().get();
    assertEquals("common/node", build.context());
    assertEquals("common/node/node.Dockerfile", build.dockerfile());
    assertEquals(ImmutableMap.of("lib", "common/lib"), build.additionalContexts());
    assertEquals(ImmutableSet.of("web"), project.services().keySet());
  }

  @Test
  void read_extendsChain_followsEveryLink() {
    InMemoryFiles files =
        new InMemoryFiles()
            .with(
                "app/compose.yaml",
                """
                services:
                  web:
                    extends: {service: middle}
                    build: {target: web}
                  middle:
                    extends: {file: lib/compose.yaml, service: root}
                    build: {args: {LEVEL: middle}}
                """)
            .with(
                "app/lib/compose.yaml",
                "services:\n  root:\n    extends: {service: deepest}\n  deepest:\n    build: ./src\n");

    ComposeProject project = ComposeReader.read(files, IN_APP);

    assertEquals(ImmutableList.of(), problemsOf(project));
    BuildSpec web = project.service("web").get().build().get();
    assertEquals("app/lib/src", web.context());
    assertEquals(Optional.of("web"), web.target());
    assertEquals(ImmutableMap.of("LEVEL", "middle"), web.args());
  }

  @Test
  void read_extendsCycle_isALocatedProblem() {
    String compose =
        """
        services:
          a:
            extends: {service: b}
          b:
            extends: {service: a}
            build: .
        """;
    InMemoryFiles files = new InMemoryFiles().with("app/compose.yaml", compose);

    ComposeProject project = ComposeReader.read(files, IN_APP);

    assertEquals(
        ImmutableList.of("app/compose.yaml:5:14: extends cycle: a -> b -> a"), problemsOf(project));
  }

  @Test
  void read_extendsMissingService_isALocatedProblem() {
    InMemoryFiles files =
        new InMemoryFiles()
            .with("app/compose.yaml", "services:\n  web:\n    extends: {service: base}\n");

    ComposeProject project = ComposeReader.read(files, IN_APP);

    assertEquals(
        ImmutableList.of(
            "app/compose.yaml:3:14: service web extends base, which app/compose.yaml lacks"),
        problemsOf(project));
  }

  @Test
  void read_extendsMissingFile_isALocatedProblem() {
    InMemoryFiles files =
        new InMemoryFiles()
            .with(
                "app/compose.yaml",
                "services:\n  web:\n    extends: {service: base, file: gone.yaml}\n");

    ComposeProject project = ComposeReader.read(files, IN_APP);

    assertEquals(
        ImmutableList.of("app/compose.yaml:3:14: extends file app/gone.yaml not found"),
        problemsOf(project));
  }
}
