package dev.rebuildplan.output;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rebuildplan.core.PlannedImage;
import dev.rebuildplan.core.Reason;
import dev.rebuildplan.core.RebuildPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a plan for a GitHub Actions step: outputs to {@code $GITHUB_OUTPUT} and a Markdown summary
 * with a Mermaid graph to {@code $GITHUB_STEP_SUMMARY}. Outputs:
 *
 * <ul>
 *   <li>{@code any}: {@code true} when something needs building, else {@code false};
 *   <li>{@code images}: the planned images, a JSON array, in stage order;
 *   <li>{@code stages}: a JSON array of stages, each an array of image names;
 *   <li>{@code matrix}: {@code {"include": [{"image", "stage"}, ...]}} for {@code strategy.matrix};
 *       empty include lists make a matrix job fail, so guard it with {@code any}.
 * </ul>
 */
public final class GithubReport {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GithubReport() {}

  /**
   * Prints the plan as text to {@code out}, and writes the outputs and the summary to the files
   * that {@code GITHUB_OUTPUT} and {@code GITHUB_STEP_SUMMARY} name, warning when one is unset.
   */
  public static void write(
      PlanReport report, PrintWriter out, PrintWriter err, Map<String, String> env)
      throws IOException {
    TextReport.write(report, out);
    String outputs = env.getOrDefault("GITHUB_OUTPUT", "");
    String summary = env.getOrDefault("GITHUB_STEP_SUMMARY", "");
    if (outputs.isEmpty()) {
      err.println("warning: GITHUB_OUTPUT is not set (not in GitHub Actions?); no outputs written");
    } else {
      writeOutputs(report, Path.of(outputs));
    }
    if (!summary.isEmpty()) {
      writeSummary(report, Path.of(summary));
    }
  }

  /** Appends the outputs to {@code outputFile} (git's heredoc form, a fresh delimiter each). */
  public static void writeOutputs(PlanReport report, Path outputFile) throws IOException {
    StringBuilder text = new StringBuilder();
    RebuildPlan plan = report.plan();
    output(text, "any", Boolean.toString(!plan.isEmpty()));
    output(text, "images", MAPPER.writeValueAsString(plan.images().keySet()));
    output(text, "stages", MAPPER.writeValueAsString(plan.stages()));
    output(text, "matrix", MAPPER.writeValueAsString(matrix(plan)));
    Files.writeString(
        outputFile, text, UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static void output(StringBuilder text, String name, String value) {
    String delimiter = "rebuild_plan_" + UUID.randomUUID().toString().replace("-", "");
    text.append(name)
        .append("<<")
        .append(delimiter)
        .append('\n')
        .append(value)
        .append('\n')
        .append(delimiter)
        .append('\n');
  }

  private static ObjectNode matrix(RebuildPlan plan) {
    ObjectNode matrix = MAPPER.createObjectNode();
    ArrayNode include = matrix.putArray("include");
    for (PlannedImage image : plan.images().values()) {
      include.addObject().put("image", image.name()).put("stage", image.stage());
    }
    return matrix;
  }

  /** Appends the Markdown summary: a headline, the plan as a table, and a Mermaid graph. */
  public static void writeSummary(PlanReport report, Path summaryFile) throws IOException {
    Files.writeString(
        summaryFile, summary(report), UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  static String summary(PlanReport report) {
    RebuildPlan plan = report.plan();
    StringBuilder md = new StringBuilder("## rebuild-plan\n\n");
    if (plan.isEmpty()) {
      return md.append("Nothing to rebuild: ")
          .append(TextReport.count(report.changes().paths().size(), "changed path"))
          .append(", none affects an image.\n")
          .toString();
    }
    md.append(TextReport.count(plan.images().size(), "image"))
        .append(" to rebuild in ")
        .append(TextReport.count(plan.stages().size(), "stage"))
        .append(".\n\n")
        .append("| stage | image | why |\n|---|---|---|\n");
    for (PlannedImage image : plan.images().values()) {
      md.append("| ")
          .append(image.stage())
          .append(" | `")
          .append(image.name())
          .append("` | ")
          .append(String.join("<br>", reasons(image)))
          .append(" |\n");
    }
    return md.append('\n').append(mermaid(plan)).toString();
  }

  private static List<String> reasons(PlannedImage image) {
    List<String> lines = new ArrayList<>();
    for (Reason reason : image.reasons()) {
      if (reason instanceof Reason.PathMatch match) {
        lines.add("`" + cell(match.path()) + "` (rule `" + cell(match.rule()) + "`)");
      } else if (reason instanceof Reason.BuiltFrom from) {
        lines.add("FROM `" + from.parent() + "`");
      } else if (reason instanceof Reason.Unmatched unmatched) {
        lines.add("`" + cell(unmatched.path()) + "` (no rule; unmatched: all)");
      }
    }
    return lines;
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("`", "'");
  }

  /** Stages as subgraphs, FROM edges between images, and one node per image for its paths. */
  static String mermaid(RebuildPlan plan) {
    Map<String, String> ids = new HashMap<>();
    StringBuilder graph = new StringBuilder("```mermaid\nflowchart LR\n");
    for (int stage = 0; stage < plan.stages().size(); stage++) {
      graph
          .append("  subgraph stage")
          .append(stage + 1)
          .append("[\"Stage ")
          .append(stage + 1)
          .append("\"]\n");
      for (String image : plan.stages().get(stage)) {
        String id = "i" + ids.size();
        ids.put(image, id);
        graph.append("    ").append(id).append("[\"").append(label(image)).append("\"]\n");
      }
      graph.append("  end\n");
    }
    int pathNodes = 0;
    for (PlannedImage image : plan.images().values()) {
      List<String> paths = new ArrayList<>();
      for (Reason reason : image.reasons()) {
        if (reason instanceof Reason.BuiltFrom from) {
          graph
              .append("  ")
              .append(ids.get(from.parent()))
              .append(" -->|FROM| ")
              .append(ids.get(image.name()))
              .append('\n');
        } else if (reason instanceof Reason.PathMatch match) {
          paths.add(match.path());
        } else if (reason instanceof Reason.Unmatched unmatched) {
          paths.add(unmatched.path());
        }
      }
      if (!paths.isEmpty()) {
        String label =
            paths.get(0) + (paths.size() > 1 ? " and " + (paths.size() - 1) + " more" : "");
        graph
            .append("  p")
            .append(pathNodes)
            .append("([\"")
            .append(label(label))
            .append("\"]) -.-> ")
            .append(ids.get(image.name()))
            .append('\n');
        pathNodes++;
      }
    }
    return graph.append("```\n").toString();
  }

  private static String label(String text) {
    return text.replace("\"", "#quot;");
  }
}
