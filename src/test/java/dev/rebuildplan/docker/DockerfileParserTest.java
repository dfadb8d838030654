package dev.rebuildplan.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerfileParserTest {
  @ParameterizedTest(name = "FROM {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "augmentos-cloud-base as runner | augmentos-cloud-base | runner | ''",
        "augmentos-cloud-base:latest | augmentos-cloud-base:latest | '' | ''",
        "node:20-alpine AS build | node:20-alpine | build | ''",
        "node:20-alpine aS Build | node:20-alpine | build | ''",
        "--platform=$BUILDPLATFORM golang:1.22 AS go | golang:1.22 | go | $BUILDPLATFORM",
        "alpine@sha256:0123abcd | alpine@sha256:0123abcd | '' | ''",
        "registry:5000/team/app:1.2 | registry:5000/team/app:1.2 | '' | ''",
      })
  void parse_from_readsImageNameAndPlatform(
      String from, String image, String name, String platform) {
    ParsedDockerfile parsed = parse("FROM " + from + "\n");

    Stage stage = parsed.stages().get(0);
    assertEquals(new Stage(0, name, image, image, -1, platform, 1), stage);
    assertTrue(parsed.problems().isEmpty(), parsed.problems().toString());
  }

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "node:${NODE} | '' | node:20",
        "node:$NODE | '' | node:20",
        "node:${NODE} | NODE=22 | node:22",
        "${REGISTRY:-docker.io}/node:${NODE} | '' | docker.io/node:20",
        "${REGISTRY:-docker.io}/node | REGISTRY=ghcr.io | ghcr.io/node",
        "${BASE} | '' | node:20-alpine",
        "${BASE} | NODE=18 | node:18-alpine",
      })
  void parse_fromWithArgs_substitutesGlobalArgsAndBuildArgs(
      String image, String buildArg, String expected) {
    Map<String, String> buildArgs =
        buildArg.isEmpty()
            ? ImmutableMap.of()
            : ImmutableMap.of(buildArg.split("=")[0], buildArg.split("=")[1]);
    String text = "ARG NODE=20\nARG REGISTRY\nARG BASE=node:${NODE}-alpine\nFROM " + image + "\n";

    ParsedDockerfile parsed = DockerfileParser.parse("Dockerfile", text, buildArgs);

    assertEquals(image, parsed.stages().get(0).baseAsWritten());
    assertEquals(expected, parsed.stages().get(0).base());
    assertTrue(parsed.problems().isEmpty(), parsed.problems().toString());
  }

  @Test
  void parse_buildArgNotDeclared_isNotUsedInFrom() {
    ParsedDockerfile parsed =
        DockerfileParser.parse("Dockerfile", "FROM node:$V\n", ImmutableMap.of("V", "20"));

    assertEquals(
        ImmutableList.of(
            new Problem(
                "Dockerfile", 1, "cannot resolve 'node:$V': variable V has no known value")),
        parsed.problems());
    assertTrue(parsed.isWholeContextInput());
  }

  @Test
  void parse_fromNamingEarlierStage_isAStageReference() {
    ParsedDockerfile parsed =
        parse("FROM node:20 AS Deps\nFROM deps AS build\nFROM DEPS\nFROM later\nFROM x AS later\n");

    assertEquals(
        ImmutableList.of(-1, 0, 0, -1, -1),
        parsed.stages().stream().map(Stage::baseStage).toList());
    assertTrue(parsed.stages().get(1).isStageReference());
    assertEquals("deps", parsed.stages().get(0).name());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "COPY . . | .",
        "COPY package.json bun.lock ./ | package.json,bun.lock",
        "COPY packages/cloud ./packages/cloud | packages/cloud",
        "COPY packages/apps/live-captions/tpa_config.json ./x/ | "
            + "packages/apps/live-captions/tpa_config.json",
        "COPY *.json packages/*/package.json /app/ | *.json,packages/*/package.json",
        "COPY [\"Dockerfile copy.dev\", \"a b\", \"/dest/\"] | Dockerfile copy.dev,a b",
        "COPY --chown=node:node --chmod=644 --link --parents src /app | src",
        "COPY --exclude=*.md --exclude=test docs /docs | docs",
        "COPY --chown=1:1 [\"src\", \"/app\"] | src",
        "copy src /app | src",
        "ADD app.tar.gz /app | app.tar.gz",
        "ADD https://example.com/a.tgz local.txt /app | local.txt",
        "ADD git@github.com:o/r.git /src | ''",
        "ADD --keep-git-dir=true https://github.com/o/r.git#main /src | ''",
        "COPY <<EOF /app/config\\nbody\\nEOF | ''",
        "COPY <<-EOF1 <<\"EOF2\" /app/\\n\\tone\\n\\tEOF1\\ntwo\\nEOF2 | ''",
        "COPY local <<EOF /app/\\nbody\\nEOF | local",
        "COPY ${APP_DIR}/src /app | packages/cloud/src",
        "COPY packages/${APP:-cloud} /app | packages/cloud",
        "COPY \\$literal /app | $literal",
      })
  void parse_copy_readsContextSources(String copy, String sources) {
    String text =
        "FROM node\nARG APP_DIR=packages/cloud\n"
            + copy.replace("\\n", "\n").replace("\\t", "\t")
            + "\n";

    ParsedDockerfile parsed = parse(text);

    Copy only = parsed.copies().get(0);
    assertEquals(
        sources.isEmpty() ? ImmutableList.of() : ImmutableList.copyOf(sources.split(",")),
        only.sources());
    assertEquals(3, only.line());
    assertEquals(0, only.stage());
    assertTrue(only.isFromContext());
    assertTrue(parsed.problems().isEmpty(), parsed.problems().toString());
  }

  @Test
  void parse_copyAcrossContinuations_keepsFirstLine() {
    String text =
        """
        FROM node
        RUN true
        COPY package.json \\
          # the lock file too
          bun.lock \\

          ./
        """;

    ParsedDockerfile parsed = parse(text);

    assertEquals(
        ImmutableList.of(
            new Copy(0, "COPY", ImmutableList.of("package.json", "bun.lock"), "", -1, 3)),
        parsed.copies());
  }

  @Test
  void parse_copyFrom_recordsStageByNameOrIndexOrImage() {
    String text =
        """
        FROM node AS Build
        FROM alpine
        COPY --from=build /app/dist /srv
        COPY --from=0 /app/x /x
        COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
        """;

    ParsedDockerfile parsed = parse(text);

    assertEquals(
        ImmutableList.of(
            new Copy(1, "COPY", ImmutableList.of("/app/dist"), "build", 0, 3),
            new Copy(1, "COPY", ImmutableList.of("/app/x"), "0", 0, 4),
            new Copy(1, "COPY", ImmutableList.of("/etc/nginx/nginx.conf"), "nginx:1.27", -1, 5)),
        parsed.copies());
    assertTrue(parsed.copies().get(2).isFromImage());
    assertFalse(parsed.copies().get(0).isFromContext());
  }

  @Test
  void parse_runMounts_bindFromContextAndFromStage() {
    String text =
        """
        FROM node AS deps
        FROM node
        RUN --mount=type=bind,source=package.json,target=/app/package.json \\
            --mount=type=cache,target=/root/.bun \\
            --mount=type=bind,from=deps,src=/app/node_modules,target=/nm \\
            --mount=target=/ctx \\
            bun install
        """;

    ParsedDockerfile parsed = parse(text);

    assertEquals(
        ImmutableList.of(
            new Copy(1, "RUN", ImmutableList.of("package.json"), "", -1, 3),
            new Copy(1, "RUN", ImmutableList.of("/app/node_modules"), "deps", 0, 3),
            new Copy(1, "RUN", ImmutableList.of("."), "", -1, 3)),
        parsed.copies());
  }

  @Test
  void parse_onBuild_isRecordedButNoInput() {
    ParsedDockerfile parsed = parse("FROM node\nONBUILD COPY . /app\nONBUILD RUN make\n");

    assertEquals(
        ImmutableList.of(new OnBuild(0, "COPY . /app", 2), new OnBuild(0, "RUN make", 3)),
        parsed.onBuilds());
    assertTrue(parsed.copies().isEmpty());
  }

  @Test
  void parse_stageArgs_onlyRedeclaredGlobalsAreVisible() {
    String text =
        """
        ARG APP=cloud
        FROM node
        COPY packages/$APP /a
        FROM node
        ARG APP
        COPY packages/$APP /a
        """;

    ParsedDockerfile parsed = parse(text);

    assertEquals(
        ImmutableList.of(
            new Problem(
                "Dockerfile",
                3,
                "cannot resolve 'packages/$APP': variable APP has no known value")),
        parsed.problems());
    assertEquals(ImmutableList.of("packages/cloud"), parsed.copies().get(1).sources());
  }

  @ParameterizedTest(name = "{index}: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "FROM node AS | 1 | cannot read 'FROM node AS'",
        "FROM node AS a b | 1 | cannot read",
        "FROM | 1 | cannot read",
        "FROM --pull node | 1 | unknown FROM flag --pull",
        "FROM node AS 1stage | 1 | invalid stage name '1stage'",
        "FROM node AS a\\nFROM node AS A | 2 | stage name 'A' is used twice",
        "FROM node:${TAG} | 1 | cannot resolve 'node:${TAG}'",
        "FROM node:${TAG#v} | 1 | unsupported variable form",
        "FROM node\\nCOPY onlyone | 2 | expected at least one source and a destination",
        "FROM node\\nCOPY | 2 | expected at least one source",
        "FROM node\\nCOPY $UNKNOWN /x | 2 | cannot resolve '$UNKNOWN'",
        "FROM node\\nCOPY src/[a /x | 2 | source 'src/[a': bad pattern",
        "FROM node\\nCOPY <<EOF /x\\nno end | 2 | heredoc <<EOF is never terminated",
        "FROM node\\nCOPY --from=1 /a /b | 2 | does not come before this one",
        "FROM node\\nCOPY --from=later /a /b\\nFROM x AS later | 2 | does not come before",
        "FROM node\\nFROBNICATE x | 2 | unknown instruction FROBNICATE",
        "COPY . . | 1 | COPY before the first FROM",
        "RUN true | 1 | RUN before the first FROM",
        "ARG A=1 | 1 | no FROM instruction",
        "'' | 1 | no FROM instruction",
        "# escape=x\\nFROM a | 1 | escape directive",
      })
  void parse_badInput_isAProblemAndWholeContext(String text, int line, String message) {
    ParsedDockerfile parsed =
        DockerfileParser.parse("Dockerfile copy.dev", text.replace("\\n", "\n"), Map.of());

    assertTrue(parsed.isWholeContextInput());
    Problem problem = parsed.problems().get(0);
    assertEquals("Dockerfile copy.dev", problem.file());
    assertEquals(line, problem.line());
    assertTrue(problem.message().contains(message), problem.message());
  }

  @Test
  void parse_realWorldRunnerWithoutCopy_hasOneStageAndNoInputs() {
    ParsedDockerfile parsed =
        parse("FROM augmentos-cloud-base as runner\nWORKDIR /app\nCMD [\"bun\", \"run\"]\n");

    assertEquals(1, parsed.stages().size());
    assertEquals("runner", parsed.stages().get(0).name());
    assertTrue(parsed.copies().isEmpty());
    assertFalse(parsed.isWholeContextInput());
  }

  private static ParsedDockerfile parse(String text) {
    return DockerfileParser.parse("Dockerfile", text, ImmutableMap.of());
  }
}
