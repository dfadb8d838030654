package dev.rebuildplan.output;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rebuildplan.testing.Cli;
import dev.rebuildplan.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format github} and {@code --format bake}, end to end on a real repository. */
class CiFormatsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern HEREDOC =
      Pattern.compile("(?m)^([a-z]+)<<(\\S+)\\n(.*?)\\n\\2$", Pattern.DOTALL);

  @TempDir Path temp;
  private TestRepo repo;

  @BeforeEach
  void createRepository() throws IOException {
    repo = TestRepo.referenceLayout(temp.resolve("repo"));
  }

  @Test
  void github_sharedPackageChanged_writesOutputsSummaryAndPlan() throws IOException {
    repo.branch("feature").append("packages/utils/index.ts", "//\n").commit("utils");
    Path outputs = temp.resolve("github_output");
    Path summary = temp.resolve("step_summary");

    Cli.Result result =
        new Cli()
            .in(repo.dir())
            .env("GITHUB_OUTPUT", outputs.toString())
            .env("GITHUB_STEP_SUMMARY", summary.toString())
            .run("--since", "main", "--format", "github");

    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.out().startsWith("7 images to rebuild in 2 stages."), result.toString());
    Map<String, String> values = outputs(outputs);
    assertEquals("true", values.get("any"));
    assertEquals(
        List.of(
            "augmentos-cloud-base",
            "cloud",
            "dashboard-manager",
            "flash",
            "live-captions",
            "miraai",
            "notify"),
        MAPPER.readValue(values.get("images"), List.class));
    assertEquals(2, MAPPER.readTree(values.get("stages")).size());
    JsonNode matrix = MAPPER.readTree(values.get("matrix"));
    assertEquals(7, matrix.get("include").size());
    assertEquals("augmentos-cloud-base", matrix.get("include").get(0).get("image").asText());
    assertEquals(1, matrix.get("include").get(0).get("stage").asInt());
    String markdown = Files.readString(summary, UTF_8);
    assertTrue(
        markdown.contains("| 1 | `augmentos-cloud-base` | `packages/utils/index.ts`"), markdown);
    assertTrue(
        markdown.contains("```mermaid\nflowchart LR\n  subgraph stage1[\"Stage 1\"]"), markdown);
    assertTrue(markdown.contains("i0 -->|FROM| i1"), markdown);
  }

  @Test
  void github_nothingChanged_anyIsFalse() throws IOException {
    repo.branch("feature").append("docs/guide.md", "more\n").commit("docs");
    Path outputs = temp.resolve("github_output");

    Cli.Result result =
        new Cli()
            .in(repo.dir())
            .env("GITHUB_OUTPUT", outputs.toString())
            .withoutEnv("GITHUB_STEP_SUMMARY")
            .run("--since", "main", "--format", "github");

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("false", outputs(outputs).get("any"));
    assertEquals("[]", outputs(outputs).get("images"));
  }

  @Test
  void bake_sharedPackageChanged_targetsWithTargetContextsAndDefaultGroup() throws IOException {
    repo.branch("feature").append("packages/utils/index.ts", "//\n").commit("utils");

    Cli.Result result = new Cli().in(repo.dir()).run("--since", "main", "--format", "bake");

    JsonNode bake = MAPPER.readTree(result.out());
    assertEquals(7, bake.get("group").get("default").get("targets").size(), result.toString());
    assertEquals(
        "target:augmentos-cloud-base",
        bake.get("target").get("flash").get("contexts").get("augmentos-cloud-base").asText());
    assertTrue(bake.get("target").get("augmentos-cloud-base").isEmpty(), result.toString());
  }

  @Test
  void bake_onlyOneServiceChanged_noContextOnAnUnplannedParent() throws IOException {
    repo.branch("feature").append("services/flash/src/index.ts", "//\n").commit("flash");

    Cli.Result result = new Cli().in(repo.dir()).run("--since", "main", "--format", "bake");

    JsonNode bake = MAPPER.readTree(result.out());
    assertEquals(
        List.of("flash"),
        MAPPER.convertValue(bake.get("group").get("default").get("targets"), List.class));
    assertTrue(bake.get("target").get("flash").isEmpty(), result.toString());
  }

  private static Map<String, String> outputs(Path file) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    Matcher matcher = HEREDOC.matcher(Files.readString(file, UTF_8));
    while (matcher.find()) {
      values.put(matcher.group(1), matcher.group(3));
    }
    return values;
  }
}
