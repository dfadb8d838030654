package dev.rebuildplan.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rebuildplan.core.PlannedImage;
import dev.rebuildplan.core.RebuildPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** Writes what {@code explain} found: for each path, the images it affects and why. */
public final class ExplainReport {
  private ExplainReport() {}

  /** For people: each path, then its images in build order, each with its chain of reasons. */
  public static void writeText(Map<String, RebuildPlan> plans, String sources, PrintWriter out) {
    out.printf("Sources: %s%n", sources);
    for (var entry : plans.entrySet()) {
      out.printf("%n%s%n", TextReport.printable(entry.getKey()));
      RebuildPlan plan = entry.getValue();
      if (plan.isEmpty()) {
        out.printf(
            "  affects no image%s%n",
            plan.unmatchedPaths().isEmpty()
                ? " (outside the rules' root, or ignored by them)"
                : " (no rule, COPY or ADD takes it in, or an ignore file leaves it out)");
        continue;
      }
      int width = plan.images().keySet().stream().mapToInt(String::length).max().orElse(0);
      for (PlannedImage image : plan.images().values()) {
        List<String> lines = TextReport.reasonLines(image);
        for (int i = 0; i < lines.size(); i++) {
          out.printf("  %-" + width + "s  %s%n", i == 0 ? image.name() : "", lines.get(i));
        }
      }
    }
    out.flush();
  }

  /** For programs: {@code {"sources", "paths": [{"path", "stages", "images"}]}}. */
  public static void writeJson(Map<String, RebuildPlan> plans, String sources, PrintWriter out)
      throws IOException {
    ObjectNode root = JsonReport.MAPPER.createObjectNode();
    root.put("schemaVersion", JsonReport.SCHEMA_VERSION);
    root.put("sources", sources);
    ArrayNode paths = root.putArray("paths");
    for (var entry : plans.entrySet()) {
      ObjectNode node = paths.addObject();
      node.put("path", entry.getKey());
      ArrayNode stages = node.putArray("stages");
      entry.getValue().stages().forEach(stage -> stage.forEach(stages.addArray()::add));
      ObjectNode images = node.putObject("images");
      entry
          .getValue()
          .images()
          .values()
          .forEach(image -> images.set(image.name(), JsonReport.toJson(image)));
    }
    JsonReport.writeTree(root, out);
  }
}
