package dev.rebuildplan.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import dev.rebuildplan.git.ChangeSet;
import dev.rebuildplan.git.GitChanges;
import dev.rebuildplan.project.DockerProject;
import dev.rebuildplan.project.RulesCheck;
import dev.rebuildplan.rules.Rules;
import dev.rebuildplan.rules.RulesFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rebuild-plan check}: the rules against what the Dockerfiles really copy. Made for CI. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Compares the rules with the compose file and Dockerfiles: each path an image is built from"
          + " that no rule maps to it (a rebuild the rules would miss), and each rule that maps"
          + " paths to an image built from none of them (over-building). One line each.",
      "Exit 1 when a rebuild could be missed."
    },
    footer = ExitCode.HELP)
final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ProjectOptions options;
  @Mixin RevisionOptions revision;
  @ParentCommand RebuildPlanCommand parent;

  private final Map<String, String> environment;

  CheckCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    PlanRequest request =
        options.toReadRequest(parent.startDir(), revision.head, revision.uncommitted);
    ImmutableList<RulesCheck.Finding> findings;
    try (GitChanges git = GitChanges.open(request.workDir())) {
      ChangeSet head = PlanSources.revision(git, request);
      PlanSources sources = PlanSources.read(git, head, request, environment);
      Rules rules =
          sources
              .configuredRules()
              .orElseThrow(
                  () ->
                      new UsageException(
                          "check compares rules with the Dockerfiles, and there are no rules; add "
                              + RulesFile.DEFAULT_NAME
                              + " or pass --rules FILE|NAME"));
      DockerProject project =
          sources
              .docker()
              .orElseThrow(
                  () ->
                      new UsageException(
                          "check needs a compose file, and none was found here or above; run it"
                              + " in the compose project's folder (-C DIR) or pass -f FILE"));
      sources
          .warnings()
          .forEach(warning -> spec.commandLine().getErr().println("warning: " + warning));
      List<String> files = PlanSources.head(git, head).files("");
      findings = RulesCheck.check(project, rules.ruleSet(), rules.graph(), files);
    }
    return report(findings, request.format());
  }

  private int report(List<RulesCheck.Finding> findings, PlanRequest.OutputFormat format)
      throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    long missed = findings.stream().filter(f -> f.kind() == RulesCheck.Kind.MISSED).count();
    long over = findings.size() - missed;
    if (format == PlanRequest.OutputFormat.json) {
      // Made here, not in a static field: picocli creates every subcommand at start-up.
      ObjectMapper json = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      ObjectNode root = json.createObjectNode();
      root.put("missed", missed);
      root.put("overBuilding", over);
      ArrayNode list = root.putArray("findings");
      for (RulesCheck.Finding finding : findings) {
        ObjectNode node = list.addObject();
        node.put("kind", finding.kind() == RulesCheck.Kind.MISSED ? "missed" : "over-building");
        node.put("image", finding.image());
        node.put("message", finding.line());
      }
      json.writerWithDefaultPrettyPrinter().writeValue(out, root);
      out.println();
    } else {
      findings.forEach(finding -> out.println(finding.line()));
      out.printf("check: %d missed rebuild(s), %d over-building rule(s)%n", missed, over);
    }
    out.flush();
    return missed > 0 ? ExitCode.FAILED : ExitCode.OK;
  }
}
