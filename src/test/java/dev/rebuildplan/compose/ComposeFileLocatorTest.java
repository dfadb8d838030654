package dev.rebuildplan.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeFileLocatorTest {
  private static final String SERVICES = "services: {}\n";

  @Test
  void locate_allDefaultNames_prefersComposeYaml() {
    InMemoryFiles files =
        new InMemoryFiles()
            .with("docker-compose.yaml", SERVICES)
            .with("docker-compose.yml", SERVICES)
            .with("compose.yml", SERVICES)
            .with("compose.yaml", SERVICES);

    ImmutableList<String> located =
        ComposeFileLocator.locate(files, ComposeInvocation.inFolder("."));

    assertEquals(ImmutableList.of("compose.yaml"), located);
  }

  @Test
  void locate_legacyNames_prefersDockerComposeYmlOverYaml() {
    InMemoryFiles files =
        new InMemoryFiles()
            .with("app/docker-compose.yaml", SERVICES)
            .with("app/docker-compose.yml", SERVICES);

    ImmutableList<String> located =
        ComposeFileLocator.locate(files, ComposeInvocation.inFolder("app"));

    assertEquals(ImmutableList.of("app/docker-compose.yml"), located);
  }

  @Test
  void locate_overrideBesideDefault_isAddedOnce() {
    InMemoryFiles files =
        new InMemoryFiles()
            .with("app/docker-compose.yml", SERVICES)
            .with("app/docker-compose.override.yml", SERVICES)
            .with("app/compose.override.yaml", SERVICES);

    ImmutableList<String> located =
        ComposeFileLocator.locate(files, ComposeInvocation.inFolder("app"));

    assertEquals(ImmutableList.of("app/docker-compose.yml", "app/compose.override.yaml"), located);
  }

  @Test
  void locate_explicitFiles_skipDefaultsAndOverrides() {
    InMemoryFiles files =
        new InMemoryFiles()
            .with("app/compose.yaml", SERVICES)
            .with("app/compose.override.yaml", SERVICES)
            .with("app/compose.prod.yaml", SERVICES);

    ImmutableList<String> located =
        ComposeFileLocator.locate(
            files,
            ComposeInvocation.inFolder("app").withFiles("compose.yaml", "./compose.prod.yaml"));

    assertEquals(ImmutableList.of("app/compose.yaml", "app/compose.prod.yaml"), located);
  }

  @Test
  void locate_composeFileVariable_actsLikeExplicitFiles() {
    InMemoryFiles files = new InMemoryFiles().with("compose.yaml", SERVICES);
    ComposeInvocation invocation =
        ComposeInvocation.inFolder(".")
            .withEnvironment(
                Map.of("COMPOSE_FILE", "a.yaml;b/c.yaml", "COMPOSE_PATH_SEPARATOR", ";"));

    ImmutableList<String> located = ComposeFileLocator.locate(files, invocation);

    assertEquals(ImmutableList.of("a.yaml", "b/c.yaml"), located);
  }

  @Test
  void locate_nothingInFolder_searchesTheParents() {
    InMemoryFiles files = new InMemoryFiles().with("compose.yml", SERVICES);

    ImmutableList<String> located =
        ComposeFileLocator.locate(files, ComposeInvocation.inFolder("services/web"));

    assertEquals(ImmutableList.of("compose.yml"), located);
  }

  @Test
  void locate_nothingAnywhere_isEmpty() {
    InMemoryFiles files = new InMemoryFiles().with("app/docker-compose.dev.yml", SERVICES);

    ImmutableList<String> located =
        ComposeFileLocator.locate(files, ComposeInvocation.inFolder("app"));

    assertEquals(ImmutableList.of(), located);
  }
}
