package dev.rebuildplan.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComposeReaderTest {
  private static final ComposeInvocation AT_ROOT =
      ComposeInvocation.inFolder(".").withRepositoryFolderName("My.Shop");

  private static BuildSpec buildOf(ComposeProject project, String service) {
    return project.service(service).orElseThrow().build().orElseThrow();
  }

  private static ImmutableList<String> messages(ComposeProject project) {
    return project.problems().stream()
        .map(ComposeProblem::toString)
        .collect(ImmutableList.toImmutableList());
  }

  @Test
  void read_stringBuild_isTheContextWithTheDefaultDockerfile() {
    InMemoryFiles files =
        new InMemoryFiles().with("compose.yaml", "services:\n  web:\n    build: ./web/\n");

    ComposeProject project = ComposeReader.read(files, AT_ROOT);

    assertEquals("web", buildOf(project, "web").context());
    assertEquals(Optional.of("web/Dockerfile"), buildOf(project, "web").dockerfilePath());
  }

  @Test
  void read_objectBuild_readsEveryField() {
    String compose =
        """
        services:
          api:
            build:
              context: ./services/../api
              dockerfile: docker/Dockerfile.prod
              args:
                NODE_VERSION: 20
                EMPTY: ""
              target: runtime
              network: host
              additional_contexts:
                shared: ./shared
                base: service:base
                alpine: docker-image://alpine:3.20
            profiles: [backend, debug]
        """;
    InMemoryFiles files = new InMemoryFiles().with("compose.yaml", compose);

    ComposeProject project = ComposeReader.read(files, AT_ROOT);

    BuildSpec api = buildOf(project, "api");
    assertEquals(ImmutableList.of(), project.problems());
    assertEquals("api", api.context());
    assertEquals("api/docker/Dockerfile.prod", api.dockerfile());
    assertEquals(ImmutableMap.of("EMPTY", "", "NODE_VERSION", "20"), api.args());
    assertEquals(Optional.of("runtime"), api.target());
    assertEquals(Optional.of("host"), api.network());
    assertEquals(
        ImmutableMap.of(
            "alpine", "docker-image://alpine:3.20", "base", "service:base", "shared", "shared"),
        api.additionalContexts());
    assertEquals(ImmutableSet.of("base"), api.serviceContexts());
    assertEquals(ImmutableSet.of("backend", "debug"), project.service("api").get().profiles());
  }

  @Test
  void read_listForms_readLikeMappings() {
    String compose =
        """
        services:
          api:
            build:
              context: .
              args:
                - NODE_VERSION=20
                - EQUATION=a=b
                - FROM_ENV
                - NOT_IN_ENV
              additional_contexts:
                - base=service:base
        """;
    InMemoryFiles files = new InMemoryFiles().with("compose.yaml", compose);

    ComposeProject project =
        ComposeReader.read(files, AT_ROOT.withEnvironment(Map.of("FROM_ENV", "yes")));

    assertEquals(
        ImmutableMap.of("EQUATION", "a=b", "FROM_ENV", "yes", "NODE_VERSION", "20"),
        buildOf(project, "api").args());
    assertEquals(
        ImmutableMap.of("base", "service:base"), buildOf(project, "api").additionalContexts());
  }

  @Test
  void read_remoteContexts_areNotLocal() {
    String compose =
        """
        services:
          a:
            build: https://github.com/docker/rootfs.git#main:docker
          b:
            build:
              context: git@github.com:example/repo.git
              dockerfile: build/Dockerfile
        """;
    InMemoryFiles files = new InMemoryFiles().with("compose.yaml", compose);

    ComposeProject project = ComposeReader.read(files, AT_ROOT);

    assertFalse(buildOf(project, "a").localContext());
    assertEquals(
        "https://github.com/docker/rootfs.git#main:docker", buildOf(project, "a").context());
    assertEquals("build/Dockerfile", buildOf(project, "b").dockerfile());
    assertEquals(Optional.empty(), buildOf(project, "b").dockerfilePath());
  }

  @Test
  void read_inlineDockerfile_hasNoDockerfilePath() {
    String compose =
        "services:\n  a:\n    build:\n      context: .\n      dockerfile_inline: FROM alpine\n";
    InMemoryFiles files = new InMemoryFiles().with("compose.yaml", compose);

    BuildSpec build = buildOf(ComposeReader.read(files, AT_ROOT), "a");

    assertEquals(Optional.empty(), build.dockerfilePath());
    assertTrue(build.canonicalJson().contains("\"dockerfile_inline\":\"FROM alpine\""));
  }

  @Test
  void read_contextOutsideRepository_isAProblem() {
    InMemoryFiles files =
        new InMemoryFiles().with("app/compose.yaml", "services:\n  a:\n    build: ../../other\n");

    ComposeProject project = ComposeReader.read(files, ComposeInvocation.inFolder("app"));

    assertEquals(
        ImmutableList.of(
            "app/compose.yaml: service a: build context ../../other is outside the repository"),
        messages(project));
  }

  @Test
  void read_rootFolder_namesProjectAfterTheRepositoryFolder() {
    InMemoryFiles files =
        new InMemoryFiles().with("compose.yaml", "services:\n  web:\n    build: .\n");

    ComposeProject project = ComposeReader.read(files, AT_ROOT);

    assertEquals("myshop", project.name());
    assertEquals("myshop-web", project.service("web").get().image());
  }

  @Test
  void read_nameKey_winsOverTheFolderAndIsNormalized() {
    InMemoryFiles files =
        new InMemoryFiles()
            .with("compose.yaml", "name: _My-App\nservices:\n  web:\n    build: .\n");

    ComposeProject project = ComposeReader.read(files, AT_ROOT);

    assertEquals("my-app", project.name());
  }

  @Test
  void read_projectNameGiven_winsOverEnvironmentAndNameKey() {
    InMemoryFiles files =
        new InMemoryFiles().with("compose.yaml", "name: fromfile\nservices: {}\n");
    ComposeInvocation fromEnvironment =
        AT_ROOT.withEnvironment(Map.of("COMPOSE_PROJECT_NAME", "fromenv"));

    ComposeProject byEnvironment = ComposeReader.read(files, fromEnvironment);
    ComposeProject byOption = ComposeReader.read(files, fromEnvironment.withProjectName("given"));

    assertEquals("fromenv", byEnvironment.name());
    assertEquals("given", byOption.name());
  }

  @Test
  void read_invalidProjectNameGiven_isAProblem() {
    InMemoryFiles files = new InMemoryFiles().with("compose.yaml", "services: {}\n");

    ComposeProject project = ComposeReader.read(files, AT_ROOT.withProjectName("My App"));

    assertEquals(1, project.problems().size());
    assertTrue(messages(project).get(0).startsWith(".: project name 'My App' must contain only"));
  }

  @Test
  void read_rootFolderWithoutAnyName_isAProblem() {
    InMemoryFiles files = new InMemoryFiles().with("compose.yaml", "services: {}\n");

    ComposeProject project = ComposeReader.read(files, ComposeInvocation.inFolder("."));

    assertEquals(
        ImmutableList.of(
            ".: no project name: set 'name' in the compose file or give a project name"),
        messages(project));
  }

  @Test
  void read_noComposeFile_isAProblem() {
    InMemoryFiles files = new InMemoryFiles().with("app/Dockerfile", "FROM alpine\n");

    ComposeProject project = ComposeReader.read(files, ComposeInvocation.inFolder("app"));

    assertEquals(ImmutableMap.of(), project.services());
    assertTrue(messages(project).get(0).startsWith("app: no compose file found: looked for"));
  }

  @Test
  void read_missingExplicitFile_isAProblem() {
    InMemoryFiles files = new InMemoryFiles().with("compose.yaml", "services: {}\n");

    ComposeProject project = ComposeReader.read(files, AT_ROOT.withFiles("compose.prod.yaml"));

    assertEquals(ImmutableList.of("compose.prod.yaml: compose file not found"), messages(project));
  }

  @Test
  void read_interpolatedBuildFields_useEnvironmentAndDefaults() {
    String compose =
        """
        services:
          api:
            image: ${REGISTRY:-local}/api:${TAG}
            build:
              context: ${CONTEXT:-./api}
              args:
                VERSION: ${VERSION-1.0}
                PRICE: $$5
        """;
    InMemoryFiles files = new InMemoryFiles().with("compose.yaml", compose);

    ComposeProject project =
        ComposeReader.read(files, AT_ROOT.withEnvironment(Map.of("TAG", "v3")));

    assertEquals(ImmutableList.of(), project.problems());
    assertEquals("local/api:v3", project.service("api").get().image());
    assertEquals("api", buildOf(project, "api").context());
    assertEquals(ImmutableMap.of("PRICE", "$5", "VERSION", "1.0"), buildOf(project, "api").args());
  }

  @Test
  void read_unresolvedVariable_isAProblemButReadingGoesOn() {
    String compose =
        """
        services:
          api:
            build:
              context: .
              target: ${STAGE}
          web:
            build: ./web
        """;
    InMemoryFiles files = new InMemoryFiles().with("compose.yaml", compose);

    ComposeProject project = ComposeReader.read(files, AT_ROOT);

    assertEquals(
        ImmutableList.of("compose.yaml:5:15: variable STAGE is not set; an empty string is used"),
        messages(project));
    assertEquals(Optional.of(""), buildOf(project, "api").target());
    assertEquals("web", buildOf(project, "web").context());
  }

  @Test
  void read_extensionsAndUnknownKeys_areIgnored() {
    String compose =
        """
        version: "3.9"
        x-build: &default-build
          context: .
          dockerfile: Dockerfile.common
        x-anything: [1, 2]
        networks:
          default: {}
        services:
          a:
            x-note: hello
            build:
              <<: *default-build
              target: a
          b:
            build: *default-build
        """;
    InMemoryFiles files = new InMemoryFiles().with("compose.yaml", compose);

    ComposeProject project = ComposeReader.read(files, AT_ROOT);

    assertEquals(ImmutableList.of(), project.problems());
    assertEquals(Optional.of("Dockerfile.common"), buildOf(project, "a").dockerfilePath());
    assertEquals(Optional.of("a"), buildOf(project, "a").target());
    assertEquals(Optional.of("Dockerfile.common"), buildOf(project, "b").dockerfilePath());
  }

  @Test
  void read_activeProfiles_enableTheirServices() {
    String compose = "services:\n  a:\n    build: .\n  b:\n    build: .\n    profiles: [debug]\n";
    InMemoryFiles files = new InMemoryFiles().with("compose.yaml", compose);

    ComposeProject project = ComposeReader.read(files, AT_ROOT);

    assertTrue(project.service("a").get().isEnabled(ImmutableSet.of()));
    assertFalse(project.service("b").get().isEnabled(ImmutableSet.of()));
    assertTrue(project.service("b").get().isEnabled(ImmutableSet.of("debug")));
    assertTrue(project.service("b").get().isEnabled(ImmutableSet.of("*")));
  }

  // Regression test for QA: the reverse, a qualified image: and a short FROM.
  @Test
  void serviceBuildingImage_qualifiedImageShortFrom_findsTheService() {
    String compose = "services:\n  base:\n    image: docker.io/myorg/base:1.0\n    build: .\n";
    ComposeProject project =
        ComposeReader.read(
            new InMemoryFiles().with("app/compose.yaml", compose),
            ComposeInvocation.inFolder("app"));

    assertEquals("base", project.serviceBuildingImage("myorg/base:1.0").get().name());
    assertEquals(Optional.empty(), project.serviceBuildingImage("ghcr.io/myorg/base:1.0"));
  }
}
