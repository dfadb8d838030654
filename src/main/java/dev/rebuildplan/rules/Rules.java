package dev.rebuildplan.rules;

import com.google.common.collect.ImmutableList;
import dev.rebuildplan.core.ImageGraph;
import dev.rebuildplan.core.RuleSet;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A loaded rule set: the rules, the image graph, and how to run docker compose for it.
 *
 * @param source how to name the rules to the user: a file path or a built-in name
 * @param composeFiles compose files relative to the rules' root, empty for compose's own default
 * @param composeProject the compose project name, if the rules set one
 * @param projectDir the folder docker compose runs in: the rules' root in the work tree
 */
public record Rules(
    String source,
    RuleSet ruleSet,
    ImageGraph graph,
    ImmutableList<String> composeFiles,
    Optional<String> composeProject,
    Path projectDir) {}
