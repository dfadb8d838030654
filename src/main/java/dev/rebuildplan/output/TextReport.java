package dev.rebuildplan.output;

import dev.rebuildplan.build.ComposeCommand;
import dev.rebuildplan.core.PathRule;
import dev.rebuildplan.core.PlannedImage;
import dev.rebuildplan.core.Reason;
import dev.rebuildplan.core.RebuildPlan;
import dev.rebuildplan.git.ChangeSet;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Writes a plan for people: stages, images, why each is there, and the commands. */
public final class TextReport {
  /** Past this many paths for one image, the rest are counted, not listed. */
  private static final int PATHS_SHOWN = 3;

  private TextReport() {}

  public static void write(PlanReport report, PrintWriter out) {
    RebuildPlan plan = report.plan();
    int paths = report.changes().paths().size();
    if (plan.isEmpty()) {
      out.printf("Nothing to rebuild: %s, none affects an image.%n", count(paths, "changed path"));
    } else {
      out.printf(
          "%s to rebuild in %s.%n",
          count(plan.images().size(), "image"), count(plan.stages().size(), "stage"));
    }
    out.printf(
        "  %s; %s; rules: %s%n",
        describe(report.changes()), count(paths, "changed path"), report.rulesSource());
    if (!plan.unmatchedPaths().isEmpty()) {
      out.printf("  %s matched no rule%n", count(plan.unmatchedPaths().size(), "path"));
    }
    if (!report.removed().isEmpty()) {
      out.printf("  removed, not built: %s%n", String.join(" ", report.removed()));
    }
    writeStages(plan, out);
    writeCommands(report, out);
    out.flush();
  }

  private static void writeStages(RebuildPlan plan, PrintWriter out) {
    int width = plan.images().keySet().stream().mapToInt(String::length).max().orElse(0);
    for (int i = 0; i < plan.stages().size(); i++) {
      List<String> stage = plan.stages().get(i);
      out.printf("%nStage %d%s%n", i + 1, stage.size() > 1 ? " (these may build in parallel)" : "");
      for (String name : stage) {
        List<String> lines = reasonLines(plan.images().get(name));
        for (int line = 0; line < lines.size(); line++) {
          out.printf("  %-" + width + "s  %s%n", line == 0 ? name : "", lines.get(line));
        }
      }
    }
  }

  static List<String> reasonLines(PlannedImage image) {
    List<String> lines = new ArrayList<>();
    int pathCount = 0;
    for (Reason reason : image.reasons()) {
      if (reason instanceof Reason.BuiltFrom from) {
        lines.add("FROM " + from.parent());
      } else if (reason instanceof Reason.Definition) {
        lines.add(describe(reason));
      } else if (pathCount++ < PATHS_SHOWN) {
        lines.add(describe(reason));
      }
    }
    if (pathCount > PATHS_SHOWN) {
      lines.add("... and " + count(pathCount - PATHS_SHOWN, "more path"));
    }
    return lines;
  }

  private static String describe(Reason reason) {
    if (reason instanceof Reason.PathMatch match) {
      String source = match.source() == PathRule.Source.RULES ? "rule " : "";
      return printable(match.path()) + "  (" + source + match.rule() + ")";
    }
    if (reason instanceof Reason.Unmatched unmatched) {
      return printable(unmatched.path()) + "  (no rule matches; unmatched: all)";
    }
    if (reason instanceof Reason.Definition definition) {
      return definition.detail();
    }
    return reason.toString();
  }

  private static void writeCommands(PlanReport report, PrintWriter out) {
    if (report.commands().isEmpty()) {
      return;
    }
    out.printf("%nCommands%n");
    report.commands().forEach(command -> out.printf("  %s%n", ComposeCommand.display(command)));
  }

  private static String describe(ChangeSet changes) {
    String head = changes.head() + " (" + abbreviate(changes.headCommit()) + ")";
    String base;
    if (changes.base().isEmpty()) {
      base = "uncommitted changes on " + head;
      return base;
    }
    if (!changes.mergeBases().isEmpty()) {
      base =
          changes.base().get()
              + "..."
              + head
              + ", merge base "
              + abbreviate(changes.mergeBases().get(0));
    } else {
      String commit = changes.baseCommit().map(sha -> " (" + abbreviate(sha) + ")").orElse("");
      base = changes.base().get() + commit + ".." + head;
    }
    return changes.uncommitted() ? base + " plus uncommitted changes" : base;
  }

  private static String abbreviate(String sha) {
    return sha.length() > 7 ? sha.substring(0, 7) : sha;
  }

  /**
   * A path on one line of text: a line break in a file name is shown as {@code \n} (or {@code \r})
   * so that it cannot break the report's layout; everything else, tabs and spaces included, stays
   * as it is. JSON output keeps every path exactly.
   */
  static String printable(String path) {
    return path.replace("\n", "\\n").replace("\r", "\\r");
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
