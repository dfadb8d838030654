package dev.rebuildplan.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParsedDockerfileTest {
  /*
   * stage 0 base (node:20)        <- stage 1 deps FROM base
   * stage 2 tools (golang)           stage 3 build FROM deps, COPY --from=tools
   * stage 4 docs (scratch)           stage 5 runner (augmentos-cloud-base), COPY --from=build
   */
  private static final String MULTI_STAGE =
      """
      ARG NODE=20
      FROM node:${NODE} AS base
      COPY package.json bun.lock ./
      FROM base AS deps
      COPY packages/cloud ./packages/cloud
      FROM golang:1.22 AS tools
      COPY tools/ /tools
      FROM deps AS build
      COPY --from=tools /go/bin/x /usr/bin/x
      COPY --from=nginx:1.27 /etc/nginx /etc/nginx
      RUN --mount=type=bind,source=scripts,target=/s true
      FROM scratch AS docs
      COPY docs /docs
      FROM augmentos-cloud-base:latest AS runner
      COPY --from=build /app /app
      COPY packages/apps/live-captions/tpa_config.json ./x/
      ONBUILD COPY . /ignored
      """;

  @ParameterizedTest(name = "target {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | 0,1,2,3,5",
        "runner | 0,1,2,3,5",
        "RUNNER | 0,1,2,3,5",
        "build | 0,1,2,3",
        "deps | 0,1",
        "base | 0",
        "tools | 2",
        "docs | 4",
      })
  void stagesBuilt_target_followsFromAndCopyFrom(String target, String expected) {
    ParsedDockerfile parsed = parse(MULTI_STAGE);

    ImmutableSortedSet<Integer> built = parsed.stagesBuilt(targetOf(target));

    assertEquals(expected, String.join(",", built.stream().map(String::valueOf).toList()));
  }

  @ParameterizedTest(name = "target {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | package.json@3,bun.lock@3,packages/cloud@5,tools/@7,scripts@11,"
            + "packages/apps/live-captions/tpa_config.json@16",
        "deps | package.json@3,bun.lock@3,packages/cloud@5",
        "tools | tools/@7",
        "docs | docs@13",
      })
  void contextInputs_target_onlyCopiesOfBuiltStages(String target, String expected) {
    ParsedDockerfile parsed = parse(MULTI_STAGE);

    ImmutableList<ContextInput> inputs = parsed.contextInputs(targetOf(target));

    assertEquals(expected, render(inputs));
  }

  @ParameterizedTest(name = "target {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | node:20@2,golang:1.22@6,augmentos-cloud-base:latest@14",
        "build | node:20@2,golang:1.22@6",
        "deps | node:20@2",
        "docs | ''",
      })
  void baseImages_target_externalImagesOfBuiltStages(String target, String expected) {
    ParsedDockerfile parsed = parse(MULTI_STAGE);

    ImmutableList<ImageRef> images = parsed.baseImages(targetOf(target));

    assertEquals(expected, renderImages(images));
  }

  @Test
  void copiedImages_defaultTarget_imagesOfCopyFrom() {
    ParsedDockerfile parsed = parse(MULTI_STAGE);

    ImmutableList<ImageRef> images = parsed.copiedImages(Optional.empty());

    assertEquals(ImmutableList.of(new ImageRef("nginx:1.27", 10)), images);
    assertTrue(parsed.copiedImages(Optional.of("deps")).isEmpty());
  }

  @Test
  void contextInputs_copyDotDot_isWholeContext() {
    ParsedDockerfile parsed = parse("FROM augmentos-cloud-base:latest\nCOPY . .\n");

    ImmutableList<ContextInput> inputs = parsed.contextInputs(Optional.empty());

    assertEquals(ImmutableList.of(new ContextInput(".", 2)), inputs);
    assertTrue(inputs.get(0).toCopySource().isWholeContext());
  }

  @Test
  void contextInputs_noCopy_isEmpty() {
    ParsedDockerfile parsed = parse("FROM augmentos-cloud-base as runner\nCMD [\"bun\"]\n");

    ImmutableList<ContextInput> inputs = parsed.contextInputs(Optional.of("runner"));

    assertEquals(ImmutableList.of(), inputs);
    assertEquals(
        ImmutableList.of(new ImageRef("augmentos-cloud-base", 1)),
        parsed.baseImages(Optional.empty()));
  }

  @Test
  void contextInputs_withProblem_startsWithWholeContext() {
    ParsedDockerfile parsed = parse("FROM node\nCOPY a /a\nCOPY $X /x\n");

    ImmutableList<ContextInput> inputs = parsed.contextInputs(Optional.empty());

    assertEquals(ImmutableList.of(new ContextInput(".", 3), new ContextInput("a", 2)), inputs);
  }

  @Test
  void contextInputs_noStageAtAll_isWholeContextOnly() {
    ParsedDockerfile parsed = parse("# nothing here\n");

    ImmutableList<ContextInput> inputs = parsed.contextInputs(Optional.empty());

    assertEquals(ImmutableList.of(new ContextInput(".", 1)), inputs);
  }

  @Test
  void contextInputs_unknownTarget_throwsNamingTargetAndFile() {
    ParsedDockerfile parsed = parse(MULTI_STAGE);

    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class, () -> parsed.contextInputs(Optional.of("nope")));

    assertEquals("target stage 'nope' is not in Dockerfile", error.getMessage());
  }

  @Test
  void stagesBuilt_copyFromCycle_terminates() {
    ParsedDockerfile parsed =
        parse("FROM node AS a\nCOPY --from=b /x /x\nFROM node AS b\nCOPY --from=a /y /y\n");

    ImmutableSortedSet<Integer> built = parsed.stagesBuilt(Optional.empty());

    assertEquals(ImmutableSortedSet.of(0, 1), built);
    assertTrue(parsed.isWholeContextInput());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "augmentos-cloud-base, augmentos-cloud-base",
    "augmentos-cloud-base:latest, augmentos-cloud-base",
    "registry:5000/team/app:1.2, registry:5000/team/app",
    "registry:5000/team/app, registry:5000/team/app",
    "alpine@sha256:abc, alpine",
    "alpine:3.20@sha256:abc, alpine",
  })
  void repository_image_dropsTagAndDigest(String image, String expected) {
    ImageRef reference = new ImageRef(image, 1);

    assertEquals(expected, reference.repository());
  }

  private static ParsedDockerfile parse(String text) {
    return DockerfileParser.parse("Dockerfile", text, ImmutableMap.of());
  }

  private static Optional<String> targetOf(String target) {
    return target.isEmpty() ? Optional.empty() : Optional.of(target);
  }

  private static String render(ImmutableList<ContextInput> inputs) {
    return String.join(
        ",", inputs.stream().map(input -> input.pattern() + "@" + input.line()).toList());
  }

  private static String renderImages(ImmutableList<ImageRef> images) {
    return String.join(
        ",", images.stream().map(image -> image.image() + "@" + image.line()).toList());
  }
}
