package dev.rebuildplan.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComposeReaderAugmentOsTest {
  private static final ComposeInvocation IN_FOLDER =
      ComposeInvocation.inFolder(AugmentOsFixture.FOLDER);

  @Test
  void read_augmentOsProject_usesOnlyTheDefaultFile() {
    InMemoryFiles files = AugmentOsFixture.files(AugmentOsFixture.COMPOSE);

    ComposeProject project = ComposeReader.read(files, IN_FOLDER);

    assertEquals(ImmutableList.of(), project.problems());
    assertEquals(ImmutableList.of("augmentos_cloud/docker-compose.yml"), project.files());
    assertEquals("augmentos_cloud", project.directory());
    assertEquals("augmentos_cloud", project.name());
    assertEquals(
        ImmutableList.of("augmentos-cloud-base", "cloud", "dashboard-manager", "flash", "mongodb"),
        project.services().keySet().asList());
  }

  @Test
  void read_augmentOsProject_resolvesContextAndDockerfileFromTheSubFolder() {
    InMemoryFiles files = AugmentOsFixture.files(AugmentOsFixture.COMPOSE);

    BuildSpec cloud = ComposeReader.read(files, IN_FOLDER).service("cloud").get().build().get();

    assertEquals("augmentos_cloud", cloud.context());
    assertTrue(cloud.localContext());
    assertEquals(Optional.of("augmentos_cloud/Dockerfile.cloud"), cloud.dockerfilePath());
    assertEquals(ImmutableMap.of(), cloud.args());
  }

  @Test
  void read_augmentOsProject_namesImagesExplicitlyOrByDefault() {
    InMemoryFiles files = AugmentOsFixture.files(AugmentOsFixture.COMPOSE);

    ComposeProject project = ComposeReader.read(files, IN_FOLDER);

    assertEquals(
        "augmentos-cloud-base:latest", project.service("augmentos-cloud-base").get().image());
    assertEquals("augmentos_cloud-cloud", project.service("cloud").get().image());
    assertEquals("augmentos_cloud-flash", project.service("flash").get().image());
  }

  @Test
  void read_mongodbWithImageOnly_isAStockImage() {
    InMemoryFiles files = AugmentOsFixture.files(AugmentOsFixture.COMPOSE);

    ComposeService mongodb = ComposeReader.read(files, IN_FOLDER).service("mongodb").get();

    assertFalse(mongodb.isBuilt());
    assertEquals("mongo:7.0", mongodb.image());
    assertFalse(ComposeReader.read(files, IN_FOLDER).buildSpecs().containsKey("mongodb"));
  }

  @Test
  void serviceBuildingImage_baseImageReferences_findTheBaseService() {
    ComposeProject project =
        ComposeReader.read(AugmentOsFixture.files(AugmentOsFixture.COMPOSE), IN_FOLDER);

    Optional<ComposeService> tagged = project.serviceBuildingImage("augmentos-cloud-base:latest");
    Optional<ComposeService> untagged = project.serviceBuildingImage("augmentos-cloud-base");

    assertEquals("augmentos-cloud-base", tagged.get().name());
    assertEquals("augmentos-cloud-base", untagged.get().name());
  }

  @Test
  void serviceBuildingImage_otherReferences_findNothing() {
    ComposeProject project =
        ComposeReader.read(AugmentOsFixture.files(AugmentOsFixture.COMPOSE), IN_FOLDER);

    assertEquals(Optional.empty(), project.serviceBuildingImage("augmentos-cloud-base:v2"));
    assertEquals(Optional.empty(), project.serviceBuildingImage("mongo:7.0"));
    assertEquals(Optional.empty(), project.serviceBuildingImage("node:20"));
  }

  // Regression test for QA: a registry-qualified FROM missed the service building that image.
  @Test
  void serviceBuildingImage_qualifiedReference_findsTheBaseService() {
    ComposeProject project =
        ComposeReader.read(AugmentOsFixture.files(AugmentOsFixture.COMPOSE), IN_FOLDER);

    Optional<ComposeService> qualified =
        project.serviceBuildingImage("docker.io/library/augmentos-cloud-base:latest");
    Optional<ComposeService> index =
        project.serviceBuildingImage("index.docker.io/library/augmentos-cloud-base");

    assertEquals("augmentos-cloud-base", qualified.get().name());
    assertEquals("augmentos-cloud-base", index.get().name());
  }

  @Test
  void serviceBuildingImage_defaultImageName_findsTheService() {
    ComposeProject project =
        ComposeReader.read(AugmentOsFixture.files(AugmentOsFixture.COMPOSE), IN_FOLDER);

    Optional<ComposeService> cloud = project.serviceBuildingImage("augmentos_cloud-cloud:latest");

    assertEquals("cloud", cloud.get().name());
  }

  @Test
  void buildSpecs_editOutsideBuildSections_areEqual() {
    String edited =
        AugmentOsFixture.COMPOSE
            .replace("8002:80", "9000:80")
            .replace("NODE_ENV=production", "NODE_ENV=staging")
            .replace("mongo:7.0", "mongo:8.0")
            .replace(
                "            dockerfile: Dockerfile.cloud\n",
                "            dockerfile: ./Dockerfile.cloud\n");
    ComposeProject before =
        ComposeReader.read(AugmentOsFixture.files(AugmentOsFixture.COMPOSE), IN_FOLDER);

    ComposeProject after = ComposeReader.read(AugmentOsFixture.files(edited), IN_FOLDER);

    assertEquals(before.buildSpecs(), after.buildSpecs());
  }

  @Test
  void buildSpecs_dockerfileOfOneServiceChanged_differOnlyForThatService() {
    String edited = AugmentOsFixture.COMPOSE.replace("Dockerfile.flash", "Dockerfile.flash2");
    ComposeProject before =
        ComposeReader.read(AugmentOsFixture.files(AugmentOsFixture.COMPOSE), IN_FOLDER);

    ComposeProject after = ComposeReader.read(AugmentOsFixture.files(edited), IN_FOLDER);

    assertNotEquals(before.buildSpecs().get("flash"), after.buildSpecs().get("flash"));
    assertEquals(before.buildSpecs().get("cloud"), after.buildSpecs().get("cloud"));
    assertEquals(
        before.buildSpecs().get("augmentos-cloud-base"),
        after.buildSpecs().get("augmentos-cloud-base"));
  }

  @Test
  void read_devFileGivenExplicitly_mergesItOverTheDefaultFile() {
    InMemoryFiles files = AugmentOsFixture.files(AugmentOsFixture.COMPOSE);

    ComposeProject project =
        ComposeReader.read(
            files, IN_FOLDER.withFiles("docker-compose.yml", "docker-compose.dev.yml"));

    assertEquals(
        Optional.of("augmentos_cloud/Dockerfile.dev"),
        project.service("cloud").get().build().get().dockerfilePath());
    assertEquals(
        Optional.of("augmentos_cloud/Dockerfile.flash"),
        project.service("flash").get().build().get().dockerfilePath());
  }
}
