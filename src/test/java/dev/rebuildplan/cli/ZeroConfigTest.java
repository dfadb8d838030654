package dev.rebuildplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rebuildplan.testing.Cli;
import dev.rebuildplan.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planning from the compose file and Dockerfiles alone, on real repositories. */
class ZeroConfigTest {
  private static final String COMPOSE =
      """
      services:
        base:
          image: shop-base:latest
          build: {context: ., dockerfile: docker/Dockerfile.base}
        api:
          build: {context: ., dockerfile: docker/Dockerfile.api}
          ports: ["8080:80"]
          environment: {LOG: info}
        web:
          build:
            context: web
        db:
          image: postgres:16
      """;

  @TempDir Path temp;
  private TestRepo repo;

  @BeforeEach
  void createRepository() throws IOException {
    repo = TestRepo.init(temp.resolve("shop"));
    repo.write("compose.yaml", COMPOSE)
        .write("docker/Dockerfile.base", "FROM alpine:3\nCOPY lib ./lib\nCOPY package.json ./\n")
        .write("docker/Dockerfile.api", "FROM shop-base:latest\nCOPY api ./api\n")
        .write("web/Dockerfile", "FROM shop-base AS build\nCOPY . .\n")
        .write("web/.dockerignore", "node_modules\n*.md\n")
        .write("lib/util.js", "1\n")
        .write("package.json", "{}\n")
        .write("api/main.js", "1\n")
        .write("web/index.js", "1\n")
        .write("README.md", "shop\n")
        .commit("shop");
    repo.branch("feature");
  }

  @Test
  void plan_sharedLibraryCopiedByBase_rebuildsBaseThenChildren() throws IOException {
    repo.append("lib/util.js", "2\n").commit("lib");

    Cli.Result result = plan();

    assertEquals(List.of(List.of("base"), List.of("api", "web")), result.stages());
    JsonNode base = result.json().get("images").get("base");
    assertEquals("[\"dockerfile\"]", base.get("sources").toString());
    assertEquals(
        "COPY lib (docker/Dockerfile.base:2)", base.get("reasons").get(0).get("rule").asText());
  }

  @Test
  void plan_fileOfOneContext_rebuildsOnlyThatImage() throws IOException {
    repo.append("web/index.js", "2\n").commit("web");

    assertEquals(List.of(List.of("web")), plan().stages());
  }

  @Test
  void plan_ignoredOrUncopiedFiles_rebuildNothing() throws IOException {
    repo.write("web/node_modules/x/index.js", "x\n")
        .write("web/NOTES.md", "x\n")
        .append("README.md", "more\n")
        .commit("noise");

    assertEquals(List.of(), plan().stages());
  }

  @Test
  void plan_dockerfileChanged_rebuildsItsImage() throws IOException {
    repo.append("docker/Dockerfile.api", "RUN true\n").commit("api dockerfile");

    assertEquals(List.of(List.of("api")), plan().stages());
  }

  @Test
  void plan_portOrEnvironmentEdited_rebuildsNothing() throws IOException {
    repo.write("compose.yaml", COMPOSE.replace("8080:80", "9090:80").replace("info", "debug"))
        .commit("ports");

    assertEquals(List.of(), plan().stages());
  }

  @Test
  void plan_buildSectionEdited_rebuildsThatServiceOnly() throws IOException {
    repo.write("compose.yaml", COMPOSE.replace("context: web", "context: web\n      args: {A: 1}"))
        .commit("build args");

    Cli.Result result = plan();

    assertEquals(List.of(List.of("web")), result.stages());
    assertEquals(
        "its build section in compose.yaml changed",
        result.json().get("images").get("web").get("reasons").get(0).get("detail").asText());
  }

  @Test
  void plan_imageNameOfABuiltServiceChanged_rebuildsIt() throws IOException {
    repo.write("compose.yaml", COMPOSE.replace("image: shop-base:latest", "image: shop-base:2"))
        .write("docker/Dockerfile.api", "FROM shop-base:2\nCOPY api ./api\n")
        .commit("base 2");

    Cli.Result result = plan();

    // web still says FROM shop-base (:latest), which no service builds any more.
    assertEquals(List.of(List.of("base"), List.of("api")), result.stages());
  }

  @Test
  void plan_fileOfALocalAdditionalContext_rebuildsTheImageUsingIt() throws IOException {
    repo.write(
            "compose.yaml",
            COMPOSE.replace(
                "context: web\n", "context: web\n      additional_contexts: {assets: ./assets}\n"))
        .write("web/Dockerfile", "FROM shop-base AS build\nCOPY . .\nCOPY --from=assets . /a\n")
        .write("assets/logo.svg", "<svg/>\n")
        .commit("assets context");
    repo.branch("assets-change").append("assets/logo.svg", "<!-- 2 -->\n").commit("logo");

    Cli.Result result = plan("--base", "feature", "--head", "assets-change");

    assertEquals(List.of(List.of("web")), result.stages());
    assertEquals(
        "additional context assets (assets/)",
        result.json().get("images").get("web").get("reasons").get(0).get("rule").asText());
  }

  @Test
  void plan_parentWithOnbuildCopy_countsTheChildsWholeContext() throws IOException {
    repo.write("docker/Dockerfile.base", "FROM alpine:3\nCOPY lib ./lib\nONBUILD COPY . /app\n")
        .write("docker/Dockerfile.api", "FROM shop-base:latest\nRUN true\n")
        .commit("onbuild");
    repo.branch("onbuild-change").append("README.md", "copied by the trigger\n").commit("readme");

    Cli.Result result = plan("--base", "feature", "--head", "onbuild-change");

    assertEquals(List.of(List.of("api")), result.stages());
    assertEquals(
        "ONBUILD COPY/ADD of base, whole context (docker/Dockerfile.base:3)",
        result.json().get("images").get("api").get("reasons").get(0).get("rule").asText());
  }

  @Test
  void plan_submoduleHoldingABuildContextBumped_rebuildsThatImage() throws IOException {
    TestRepo library = TestRepo.init(temp.resolve("library"));
    library.write("app/Dockerfile", "FROM alpine:3\nCOPY . /a\n").write("app/x", "1\n");
    library.commit("v1");
    repo.addSubmodule(library, "vendor");
    repo.write("compose.yaml", COMPOSE + "  vendored:\n    build: vendor/app\n").commit("vendor");
    library.append("app/x", "2\n").commit("v2");
    repo.branch("bump");
    repo.bumpSubmodule(library, "vendor");
    repo.commit("bump vendor");

    Cli.Result result = plan("--base", "feature", "--head", "bump");

    assertEquals(List.of(List.of("vendored")), result.stages());
  }

  @Test
  void plan_dockerImageContextNamingAServiceImage_isAParent() throws IOException {
    repo.write(
            "compose.yaml",
            COMPOSE.replace(
                "context: web\n",
                "context: web\n      additional_contexts: {base: \"docker-image://shop-base\"}\n"))
        .write("web/Dockerfile", "FROM alpine:3\nCOPY . .\nCOPY --from=base /lib /lib\n")
        .commit("image context");
    repo.branch("lib-change").append("lib/util.js", "2\n").commit("lib");

    Cli.Result result = plan("--base", "feature", "--head", "lib-change");

    assertEquals(List.of(List.of("base"), List.of("api", "web")), result.stages());
  }

  @Test
  void plan_submoduleBumpUnderACopiedPath_rebuildsTheImage() throws IOException {
    TestRepo library = TestRepo.init(temp.resolve("lib-src")).write("f", "1\n").commit("v1");
    repo.addSubmodule(library, "api/vendor");
    repo.write("docker/Dockerfile.api", "FROM shop-base:latest\nCOPY api/vendor/f /f\n")
        .commit("vendor in api");
    library.append("f", "2\n").commit("v2");
    repo.branch("bump");
    repo.bumpSubmodule(library, "api/vendor");
    repo.commit("bump");

    Cli.Result result = plan("--base", "feature", "--head", "bump");

    assertEquals(List.of(List.of("api")), result.stages());
  }

  @Test
  void plan_symlinkedDockerfileAndComposeFile_areFollowed() throws IOException {
    // Compose resolves paths from where the file is named (the link), not where it points.
    repo.write("deploy/compose.yaml", "services:\n  app:\n    build: {context: ./app}\n")
        .write("common/Dockerfile", "FROM alpine:3\nCOPY x /x\n")
        .write("app/x", "1\n");
    java.nio.file.Files.delete(repo.dir().resolve("compose.yaml"));
    java.nio.file.Files.createSymbolicLink(
        repo.dir().resolve("compose.yaml"), java.nio.file.Path.of("deploy/compose.yaml"));
    java.nio.file.Files.createSymbolicLink(
        repo.dir().resolve("app/Dockerfile"), java.nio.file.Path.of("../common/Dockerfile"));
    repo.commit("links");
    repo.branch("edit").write("common/Dockerfile", "FROM alpine:3\nCOPY x /y\n").commit("edit");

    Cli.Result result = plan("--base", "feature", "--head", "edit");

    assertEquals(List.of(List.of("app")), result.stages());
    assertEquals("", result.err());
  }

  @Test
  void plan_serviceAddedAndRemoved_buildsTheNewListsTheRemoved() throws IOException {
    String compose =
        COMPOSE.replace("  web:\n    build:\n      context: web\n", "")
            + "  worker:\n    build: {context: ., dockerfile: docker/Dockerfile.api}\n";
    repo.write("compose.yaml", compose).commit("worker instead of web");

    Cli.Result result = plan();

    assertEquals(List.of(List.of("worker")), result.stages());
    assertEquals("[\"web\"]", result.json().get("removed").toString());
  }

  @Test
  void plan_baseAndHead_doNotDependOnTheCheckout() throws IOException {
    repo.append("lib/util.js", "2\n").commit("lib");
    String head = repo.sha("HEAD");
    repo.checkout("main");
    repo.write("compose.yaml", "services: {}\n");

    Cli.Result result = plan("--base", "main", "--head", head);

    assertEquals(List.of(List.of("base"), List.of("api", "web")), result.stages());
  }

  @Test
  void plan_unreadableDockerfile_warnsWithFileAndLineAndCountsTheWholeContext() throws IOException {
    repo.write("docker/Dockerfile.api", "FROM shop-base:latest\nCOPY ${NOWHERE} ./x\n")
        .append("README.md", "x\n")
        .commit("broken copy");

    Cli.Result result = plan();

    assertEquals(List.of(List.of("api")), result.stages());
    assertTrue(result.err().contains("warning: docker/Dockerfile.api:2: "), result.err());
  }

  @Test
  void plan_brokenComposeFile_exitsTwoWithFileLineAndColumn() throws IOException {
    repo.write("compose.yaml", COMPOSE.replace("  db:\n", "  db: [\n")).commit("broken");

    Cli.Result result = new Cli().run("-C", repo.dir().toString(), "--since", "main");

    assertEquals(2, result.exitCode(), result.toString());
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(result.err().matches("error: compose\\.yaml:\\d+:\\d+: .*\\n"), result.err());
  }

  @Test
  void plan_withRulesFile_unitesRulesAndDockerfiles() throws IOException {
    repo.write(
            ".rebuild-plan.yaml",
            "images:\n  api: {}\nrules:\n  - match: docs/api/**\n    images: api\n")
        .write("docs/api/guide.md", "x\n")
        .append("api/main.js", "2\n")
        .commit("rules and changes");

    Cli.Result result = plan();

    assertEquals(List.of(List.of("api")), result.stages());
    assertEquals(
        "[\"dockerfile\",\"rule\"]",
        result.json().get("images").get("api").get("sources").toString());
  }

  @Test
  void plan_rulesOnly_ignoresTheComposeFile() throws IOException {
    repo.append("lib/util.js", "2\n").commit("lib");

    Cli.Result result = plan("--rules-only");

    assertEquals(List.of(), result.stages());
    assertEquals("augmentos-cloud (built in)", result.json().get("rules").asText());
  }

  @Test
  void plan_composeProjectInSubfolder_foundFromTheTopThroughTheRulesRoot() throws IOException {
    TestRepo nested = TestRepo.init(temp.resolve("nested"));
    nested
        .write(".rebuild-plan.yaml", "root: shop\n")
        .write("shop/compose.yaml", "services:\n  api:\n    build: .\n")
        .write("shop/Dockerfile", "FROM alpine:3\nCOPY api ./api\n")
        .write("shop/api/main.js", "1\n")
        .commit("nested project")
        .branch("feature")
        .append("shop/api/main.js", "2\n")
        .commit("api");

    Cli.Result result =
        new Cli().run("-C", nested.dir().toString(), "--format", "json", "--since", "main");

    assertEquals(List.of(List.of("api")), result.stages());
  }

  @Test
  void plan_rulesWithoutImagesAndNoComposeFile_exitsTwoSayingSo() throws IOException {
    TestRepo bare = TestRepo.init(temp.resolve("no-compose"));
    bare.write(".rebuild-plan.yaml", "root: app\n").write("app/x", "1\n").commit("x");

    Cli.Result result = new Cli().run("-C", bare.dir().toString(), "--since", "HEAD");

    assertEquals(2, result.exitCode(), result.toString());
    assertTrue(result.err().contains("images: none declared, and no compose file"), result.err());
  }

  @Test
  void plan_composeFileOutsideTheRepository_exitsTwoSayingSo() {
    Cli.Result result =
        new Cli().run("-C", repo.dir().toString(), "-f", "/etc/hostname", "--since", "main");

    assertEquals(2, result.exitCode(), result.toString());
    assertTrue(result.err().startsWith("error: -f /etc/hostname: outside the repository"));
  }

  @Test
  void plan_composeFileGivenRelativeToMinusC_isFound() throws IOException {
    repo.write(
            "deploy/compose.prod.yaml",
            "services:\n  api:\n    build: {context: .., dockerfile: docker/Dockerfile.api}\n")
        .commit("prod compose")
        .append("api/main.js", "2\n")
        .commit("api");

    Cli.Result result =
        new Cli()
            .run(
                "-C",
                repo.dir().resolve("deploy").toString(),
                "-f",
                "compose.prod.yaml",
                "--format",
                "json",
                "--since",
                "main");

    assertEquals(List.of(List.of("api")), result.stages());
  }

  @Test
  void text_fileNameWithNewline_staysOnOneLineAndJsonKeepsItExact() throws IOException {
    repo.write("web/new\nline.js", "x\n").commit("odd name");

    Cli.Result text = new Cli().run("-C", repo.dir().toString(), "--since", "main");
    Cli.Result json = plan();

    assertTrue(
        text.out().contains("  web  web/new\\nline.js  (COPY . (web/Dockerfile:2))\n"), text.out());
    assertEquals("web/new\nline.js", json.json().get("changedPaths").get(0).asText());
  }

  @Test
  void plan_includedComposeFileAndExtendedService_arePlanned() throws IOException {
    TestRepo project = TestRepo.init(temp.resolve("included"));
    project
        .write("compose.yaml", "include:\n  - svc/compose.yaml\nservices:\n  db: {image: pg}\n")
        .write(
            "svc/compose.yaml",
            "services:\n  svc:\n    build: .\n  web:\n    extends: {service: svc}\n")
        .write("svc/Dockerfile", "FROM alpine:3\nCOPY . /app\n")
        .write("svc/main.c", "1\n")
        .commit("include")
        .branch("change")
        .append("svc/main.c", "2\n")
        .commit("main.c");

    Cli.Result result =
        new Cli().run("-C", project.dir().toString(), "--format", "json", "--since", "main");

    assertEquals(List.of(List.of("svc", "web")), result.stages());
  }

  @Test
  void explain_pathCopiedByBase_showsTheCopyLineThenFromEdges() {
    Cli.Result result = new Cli().run("-C", repo.dir().toString(), "explain", "lib/util.js");

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(
        """
        Sources: compose.yaml and its Dockerfiles

        lib/util.js
          base  lib/util.js  (COPY lib (docker/Dockerfile.base:2))
          api   FROM base
          web   FROM base
        """,
        result.out());
  }

  @Test
  void check_rulesMissingAnInput_reportsItAndExitsOne() throws IOException {
    repo.write(
            ".rebuild-plan.yaml",
            """
            images:
              base: {}
              api: {from: base}
              web: {from: base}
            rules:
              - match: [lib/**, docker/Dockerfile.base]
                images: base
              - match: [api/**, docker/Dockerfile.api]
                images: api
              - match: [web/**]
                images: web
              - match: [README.md]
                images: api
            """)
        .commit("rules");

    Cli.Result result = new Cli().run("-C", repo.dir().toString(), "check");

    assertEquals(1, result.exitCode(), result.toString());
    assertEquals(
        """
        missed: base is built from package.json (COPY package.json (docker/Dockerfile.base:3));\
         no rule maps it to base
        over-building: rule 'README.md' maps 1 file(s) to api, first README.md; api is built\
         from none of them
        check: 1 missed rebuild(s), 1 over-building rule(s)
        """,
        result.out());
  }

  @Test
  void check_jsonFormat_printsFindingsAsJson() throws IOException {
    repo.write(".rebuild-plan.yaml", "images: {api: {}}\nrules: [{match: api/**, images: api}]\n")
        .commit("rules");

    Cli.Result result = new Cli().run("-C", repo.dir().toString(), "check", "--format", "json");

    assertEquals(1, result.exitCode(), result.toString());
    assertTrue(result.json().get("missed").asInt() > 0, result.out());
    assertEquals("missed", result.json().get("findings").get(0).get("kind").asText());
  }

  @Test
  void explain_ignoredPath_saysNothingTakesItIn() {
    Cli.Result result =
        new Cli().run("-C", repo.dir().toString(), "explain", "web/node_modules/x.js");

    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(
        result.out().contains("  affects no image (no rule, COPY or ADD takes it in, or an ignore"),
        result.out());
  }

  @Test
  void check_readsTheRulesOfTheRevisionNotOfTheWorkTree() throws IOException {
    String rules =
        "images: {base: {}, api: {from: base}, web: {from: base}}\nrules:\n"
            + "  - {match: [lib/**, docker/**], images: base}\n"
            + "  - {match: [api/**, docker/Dockerfile.api], images: api}\n"
            + "  - {match: [web/**], images: web}\n";
    repo.write(".rebuild-plan.yaml", rules).commit("rules without package.json");
    repo.write(".rebuild-plan.yaml", rules.replace("lib/**,", "lib/**, package.json,"));

    Cli.Result result = new Cli().run("-C", repo.dir().toString(), "check");

    assertEquals(1, result.exitCode(), result.toString());
    assertTrue(result.out().contains("missed: base is built from package.json"), result.out());
  }

  @Test
  void check_noRulesFile_exitsTwoSayingWhatIsMissing() {
    Cli.Result result = new Cli().run("-C", repo.dir().toString(), "check");

    assertEquals(2, result.exitCode(), result.toString());
    assertTrue(result.err().contains("there are no rules"), result.err());
  }

  private Cli.Result plan(String... args) {
    List<String> all = new ArrayList<>(List.of("-C", repo.dir().toString(), "--format", "json"));
    all.addAll(List.of(args));
    if (!all.contains("--base")) {
      all.addAll(List.of("--since", "main"));
    }
    return new Cli().run(all.toArray(String[]::new));
  }
}
