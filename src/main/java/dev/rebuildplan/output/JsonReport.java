package dev.rebuildplan.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rebuildplan.core.PathRule;
import dev.rebuildplan.core.PlannedImage;
import dev.rebuildplan.core.Reason;
import dev.rebuildplan.git.ChangeSet;
import java.io.IOException;
import java.io.Writer;

/** Writes a plan as JSON, in the schema documented in README.md ("JSON output"). */
public final class JsonReport {
  /** Bumped on any change that could break a reader of the output. */
  public static final int SCHEMA_VERSION = 1;

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private JsonReport() {}

  public static void write(PlanReport report, Writer out) throws IOException {
    writeTree(toJson(report), out);
  }

  /** Writes a JSON tree, indented, and a line end; leaves the writer open. */
  static void writeTree(JsonNode tree, Writer out) throws IOException {
    MAPPER.writeValue(out, tree);
    out.write(System.lineSeparator());
    out.flush();
  }

  static ObjectNode toJson(PlanReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    ChangeSet changes = report.changes();
    root.put("schemaVersion", SCHEMA_VERSION);
    ObjectNode base = root.putObject("base");
    base.put("ref", changes.base().orElse(null));
    base.put("commit", changes.baseCommit().orElse(null));
    strings(root.putArray("mergeBases"), changes.mergeBases());
    ObjectNode head = root.putObject("head");
    head.put("ref", changes.head());
    head.put("commit", changes.headCommit());
    root.put("uncommitted", changes.uncommitted());
    root.put("rules", report.rulesSource());
    strings(root.putArray("changedPaths"), changes.paths());
    ArrayNode stages = root.putArray("stages");
    report.plan().stages().forEach(stage -> strings(stages.addArray(), stage));
    ObjectNode images = root.putObject("images");
    report.plan().images().values().forEach(image -> images.set(image.name(), toJson(image)));
    strings(root.putArray("removed"), report.removed());
    strings(root.putArray("unmatchedPaths"), report.plan().unmatchedPaths());
    strings(root.putArray("warnings"), report.plan().warnings());
    ArrayNode commands = root.putArray("commands");
    report.commands().forEach(command -> strings(commands.addArray(), command));
    return root;
  }

  static ObjectNode toJson(PlannedImage image) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("stage", image.stage());
    ArrayNode sources = node.putArray("sources");
    image.reasons().stream().map(JsonReport::sourceOf).distinct().sorted().forEach(sources::add);
    ArrayNode reasons = node.putArray("reasons");
    for (Reason reason : image.reasons()) {
      ObjectNode entry = reasons.addObject();
      if (reason instanceof Reason.PathMatch match) {
        entry.put("type", "path");
        entry.put("path", match.path());
        entry.put("rule", match.rule());
        entry.put("source", sourceName(match.source()));
      } else if (reason instanceof Reason.BuiltFrom from) {
        entry.put("type", "from");
        entry.put("image", from.parent());
      } else if (reason instanceof Reason.Unmatched unmatched) {
        entry.put("type", "unmatched");
        entry.put("path", unmatched.path());
      } else if (reason instanceof Reason.Definition definition) {
        entry.put("type", "definition");
        entry.put("detail", definition.detail());
      }
    }
    return node;
  }

  /** Where a reason comes from: a rule, a Dockerfile, the compose file, a parent, or none. */
  private static String sourceOf(Reason reason) {
    if (reason instanceof Reason.PathMatch match) {
      return sourceName(match.source());
    }
    if (reason instanceof Reason.BuiltFrom) {
      return "parent";
    }
    return reason instanceof Reason.Definition ? "compose" : "unmatched";
  }

  private static String sourceName(PathRule.Source source) {
    return source == PathRule.Source.RULES ? "rule" : "dockerfile";
  }

  private static void strings(ArrayNode array, Iterable<String> values) {
    values.forEach(array::add);
  }
}
