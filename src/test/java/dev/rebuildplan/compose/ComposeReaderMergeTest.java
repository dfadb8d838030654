package dev.rebuildplan.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComposeReaderMergeTest {
  private static final String BASE =
      """
      name: shop
      services:
        api:
          image: shop/api
          profiles: [backend]
          build:
            context: ./api
            dockerfile: Dockerfile
            args:
              NODE_VERSION: "20"
              MODE: dev
        web:
          build: ./web
      """;

  @Test
  void read_overrideFile_mergesBuildPerKey() {
    String override =
        """
        services:
          api:
            build:
              target: prod
              args:
                - MODE=prod
        """;
    InMemoryFiles files =
        new InMemoryFiles().with("compose.yaml", BASE).with("compose.override.yml", override);

    ComposeProject project = ComposeReader.read(files, ComposeInvocation.inFolder("."));

    BuildSpec api = project.service("api").get().build().get();
    assertEquals(ImmutableList.of("compose.yaml", "compose.override.yml"), project.files());
    assertEquals("api", api.context());
    assertEquals("api/Dockerfile", api.dockerfile());
    assertEquals(Optional.of("prod"), api.target());
    assertEquals(ImmutableMap.of("MODE", "prod", "NODE_VERSION", "20"), api.args());
  }

  @Test
  void read_laterFiles_overrideScalarsAndAppendProfiles() {
    String second =
        """
        name: shop-prod
        services:
          api:
            image: registry.example.com/shop/api
            profiles: [prod]
            build: ./api-v2
        """;
    InMemoryFiles files =
        new InMemoryFiles().with("compose.yaml", BASE).with("compose.prod.yaml", second);

    ComposeProject project =
        ComposeReader.read(
            files, ComposeInvocation.inFolder(".").withFiles("compose.yaml", "compose.prod.yaml"));

    ComposeService api = project.service("api").get();
    assertEquals("shop-prod", project.name());
    assertEquals("registry.example.com/shop/api", api.image());
    assertEquals(ImmutableSet.of("backend", "prod"), api.profiles());
    assertEquals("api-v2", api.build().get().context());
    assertEquals(Optional.of("api-v2/Dockerfile"), api.build().get().dockerfilePath());
  }

  // Regression tests for QA: the !reset and !override tags were ignored.
  @Test
  void read_resetArgsInOverride_removesTheBaseArgs() {
    String override = "services:\n  api:\n    build:\n      args: !reset {}\n";
    InMemoryFiles files =
        new InMemoryFiles().with("compose.yaml", BASE).with("compose.override.yml", override);

    ComposeProject project = ComposeReader.read(files, ComposeInvocation.inFolder("."));

    assertEquals(ImmutableList.of(), project.problems());
    assertEquals(ImmutableMap.of(), project.service("api").get().build().get().args());
  }

  @Test
  void read_resetNull_removesTheKeyWithoutAProblem() {
    String override = "services:\n  api:\n    image: !reset null\n    profiles: !reset []\n";
    InMemoryFiles files =
        new InMemoryFiles().with("compose.yaml", BASE).with("compose.override.yml", override);

    ComposeProject project = ComposeReader.read(files, ComposeInvocation.inFolder("."));

    assertEquals(ImmutableList.of(), project.problems());
    assertEquals("shop-api", project.service("api").get().image());
    assertEquals(ImmutableSet.of(), project.service("api").get().profiles());
  }

  @Test
  void read_overrideTag_replacesInsteadOfMerging() {
    String override =
        """
        services:
          api:
            profiles: !override [prod]
            build: !override
              context: ./api-v2
              args: [MODE=prod]
        """;
    InMemoryFiles files =
        new InMemoryFiles().with("compose.yaml", BASE).with("compose.override.yml", override);

    ComposeProject project = ComposeReader.read(files, ComposeInvocation.inFolder("."));

    ComposeService api = project.service("api").get();
    assertEquals(ImmutableList.of(), project.problems());
    assertEquals(ImmutableSet.of("prod"), api.profiles());
    assertEquals(ImmutableMap.of("MODE", "prod"), api.build().get().args());
    assertEquals("api-v2", api.build().get().context());
  }

  @Test
  void read_resetInFirstFile_leavesTheKeyOut() {
    String compose = "services:\n  a:\n    image: x\n    build: !reset ./a\n";
    InMemoryFiles files = new InMemoryFiles().with("compose.yaml", compose);

    ComposeProject project =
        ComposeReader.read(files, ComposeInvocation.inFolder(".").withProjectName("p"));

    assertEquals(ImmutableList.of(), project.problems());
    assertEquals(Optional.empty(), project.service("a").get().build());
  }

  @Test
  void read_resetWholeOverrideFile_isAnEmptyFileProblem() {
    InMemoryFiles files =
        new InMemoryFiles().with("compose.yaml", BASE).with("compose.override.yml", "!reset {}\n");

    ComposeProject project = ComposeReader.read(files, ComposeInvocation.inFolder("."));

    assertEquals(
        ImmutableList.of(
            new ComposeProblem("compose.override.yml", 0, 0, "the compose file is empty")),
        project.problems());
    assertEquals(ImmutableSet.of("api", "web"), project.services().keySet());
  }

  @Test
  void read_serviceOnlyInLaterFile_isAdded() {
    String second = "services:\n  worker:\n    build: ./worker\n";
    InMemoryFiles files =
        new InMemoryFiles().with("compose.yaml", BASE).with("compose.override.yaml", second);

    ComposeProject project = ComposeReader.read(files, ComposeInvocation.inFolder("."));

    assertEquals(ImmutableSet.of("api", "web", "worker"), project.services().keySet());
  }

  @Test
  void read_filesInSubFolder_resolvePathsFromTheFirstFilesFolder() {
    String override = "services:\n  web:\n    build: ./web2\n";
    InMemoryFiles files =
        new InMemoryFiles()
            .with("deploy/compose.yaml", BASE)
            .with("deploy/overrides/web.yaml", override);

    ComposeProject project =
        ComposeReader.read(
            files,
            ComposeInvocation.inFolder(".")
                .withFiles("deploy/compose.yaml", "deploy/overrides/web.yaml"));

    assertEquals("deploy", project.directory());
    assertEquals("deploy/web2", project.service("web").get().build().get().context());
  }

  @Test
  void buildSpecs_buildMovedToOverrideFile_areEqual() {
    InMemoryFiles oneFile =
        new InMemoryFiles()
            .with(
                "compose.yaml", "services:\n  a:\n    build:\n      context: .\n      target: t\n");
    InMemoryFiles twoFiles =
        new InMemoryFiles()
            .with("compose.yaml", "services:\n  a:\n    build: .\n")
            .with("compose.override.yaml", "services:\n  a:\n    build:\n      target: t\n");
    ComposeInvocation invocation = ComposeInvocation.inFolder(".").withProjectName("p");

    ComposeProject before = ComposeReader.read(oneFile, invocation);
    ComposeProject after = ComposeReader.read(twoFiles, invocation);

    assertEquals(before.buildSpecs(), after.buildSpecs());
  }

  @Test
  void buildSpecs_argFormAndKeyOrderChanged_areEqual() {
    String before = "services:\n  a:\n    build:\n      context: .\n      args: {A: '1', B: '2'}\n";
    String after = "services:\n  a:\n    build:\n      args: [B=2, A=1]\n      context: ./\n";
    ComposeInvocation invocation = ComposeInvocation.inFolder(".").withProjectName("p");

    BuildSpec first =
        ComposeReader.read(new InMemoryFiles().with("compose.yaml", before), invocation)
            .buildSpecs()
            .get("a");
    BuildSpec second =
        ComposeReader.read(new InMemoryFiles().with("compose.yaml", after), invocation)
            .buildSpecs()
            .get("a");

    assertEquals(first, second);
  }

  @Test
  void buildSpecs_unmodelledKeyChanged_differ() {
    String before = "services:\n  a:\n    build:\n      context: .\n      cache_from: [a:1]\n";
    String after = "services:\n  a:\n    build:\n      context: .\n      cache_from: [a:2]\n";
    ComposeInvocation invocation = ComposeInvocation.inFolder(".").withProjectName("p");

    BuildSpec first =
        ComposeReader.read(new InMemoryFiles().with("compose.yaml", before), invocation)
            .buildSpecs()
            .get("a");
    BuildSpec second =
        ComposeReader.read(new InMemoryFiles().with("compose.yaml", after), invocation)
            .buildSpecs()
            .get("a");

    assertEquals(
        "{\"cache_from\":[\"a:1\"],\"context\":\".\",\"dockerfile\":\"Dockerfile\"}",
        first.canonicalJson());
    assertNotEquals(first, second);
  }
}
