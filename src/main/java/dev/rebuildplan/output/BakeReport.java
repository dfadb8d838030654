package dev.rebuildplan.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rebuildplan.core.PlannedImage;
import dev.rebuildplan.core.Reason;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a plan as a {@code docker buildx bake} JSON file: a target per planned image whose {@code
 * contexts} name each planned parent as {@code target:<parent>}, so bake builds parents first, and
 * a group {@code default} of them all. It holds no build context or Dockerfile: it is meant to be
 * read after the compose file, which has those ({@code docker buildx bake -f docker-compose.yml -f
 * plan.json}), bake merging the two by target name.
 */
public final class BakeReport {
  private BakeReport() {}

  public static void write(PlanReport report, Writer out) throws IOException {
    JsonReport.writeTree(toJson(report), out);
  }

  static ObjectNode toJson(PlanReport report) {
    ObjectNode root = JsonReport.MAPPER.createObjectNode();
    ObjectNode group = root.putObject("group").putObject("default");
    ObjectNode targets = root.putObject("target");
    var names = group.putArray("targets");
    for (PlannedImage image : report.plan().images().values()) {
      names.add(image.name());
      ObjectNode target = targets.putObject(image.name());
      ObjectNode contexts = JsonReport.MAPPER.createObjectNode();
      for (Reason reason : image.reasons()) {
        if (reason instanceof Reason.BuiltFrom from) {
          // TODO: the context key must be the name the Dockerfile's FROM uses; the rules only
          // know the compose service name, which is right when the image is tagged that way.
          contexts.put(from.parent(), "target:" + from.parent());
        }
      }
      if (!contexts.isEmpty()) {
        target.set("contexts", contexts);
      }
    }
    return root;
  }
}
