package dev.rebuildplan.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.rebuildplan.core.PathRule;
import dev.rebuildplan.core.PlannedImage;
import dev.rebuildplan.core.Reason;
import dev.rebuildplan.git.ChangeSet;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  /** Writes the plan as it goes, without a tree: 100,000 changed paths are two long arrays. */
  public static void write(PlanReport report, Writer out) throws IOException {
    try (JsonGenerator json = MAPPER.writer().createGenerator(out)) {
      write(report, json);
    }
    out.write(System.lineSeparator());
    out.flush();
  }

  /** Writes a JSON tree, indented, and a line end; leaves the writer open. */
  static void writeTree(JsonNode tree, Writer out) throws IOException {
    MAPPER.writeValue(out, tree);
    out.write(System.lineSeparator());
    out.flush();
  }

  private static void write(PlanReport report, JsonGenerator json) throws IOException {
    ChangeSet changes = report.changes();
    json.writeStartObject();
    json.writeNumberField("schemaVersion", SCHEMA_VERSION);
    json.writeObjectFieldStart("base");
    json.writeStringField("ref", changes.base().orElse(null));
    json.writeStringField("commit", changes.baseCommit().orElse(null));
    json.writeEndObject();
    strings(json, "mergeBases", changes.mergeBases());
    json.writeObjectFieldStart("head");
    json.writeStringField("ref", changes.head());
    json.writeStringField("commit", changes.headCommit());
    json.writeEndObject();
    json.writeBooleanField("uncommitted", changes.uncommitted());
    json.writeStringField("rules", report.rulesSource());
    strings(json, "changedPaths", changes.paths());
    lists(json, "stages", report.plan().stages());
    json.writeObjectFieldStart("images");
    for (PlannedImage image : report.plan().images().values()) {
      json.writeFieldName(image.name());
      write(image, json);
    }
    json.writeEndObject();
    strings(json, "removed", report.removed());
    strings(json, "unmatchedPaths", report.plan().unmatchedPaths());
    strings(json, "warnings", report.plan().warnings());
    lists(json, "commands", report.commands());
    json.writeEndObject();
  }

  /** One planned image as a tree, for reports that put it in one (explain). */
  static ObjectNode toJson(PlannedImage image) {
    try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
      write(image, buffer);
      return MAPPER.readTree(buffer.asParser());
    } catch (IOException e) {
      // A token buffer performs no I/O, so this is a bug.
      throw new UncheckedIOException(e);
    }
  }

  private static void write(PlannedImage image, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeNumberField("stage", image.stage());
    json.writeArrayFieldStart("sources");
    for (String source :
        image.reasons().stream().map(JsonReport::sourceOf).distinct().sorted().toList()) {
      json.writeString(source);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("reasons");
    for (Reason reason : image.reasons()) {
      write(reason, json);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void write(Reason reason, JsonGenerator json) throws IOException {
    json.writeStartObject();
    if (reason instanceof Reason.PathMatch match) {
      json.writeStringField("type", "path");
      json.writeStringField("path", match.path());
      json.writeStringField("rule", match.rule());
      json.writeStringField("source", sourceName(match.source()));
    } else if (reason instanceof Reason.BuiltFrom from) {
      json.writeStringField("type", "from");
      json.writeStringField("image", from.parent());
    } else if (reason instanceof Reason.Unmatched unmatched) {
      json.writeStringField("type", "unmatched");
      json.writeStringField("path", unmatched.path());
    } else if (reason instanceof Reason.Definition definition) {
      json.writeStringField("type", "definition");
      json.writeStringField("detail", definition.detail());
    }
    json.writeEndObject();
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

  private static void strings(JsonGenerator json, String field, Iterable<String> values)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  private static void lists(
      JsonGenerator json, String field, Iterable<? extends Iterable<String>> lists)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (Iterable<String> values : lists) {
      json.writeStartArray();
      for (String value : values) {
        json.writeString(value);
      }
      json.writeEndArray();
    }
    json.writeEndArray();
  }
}
