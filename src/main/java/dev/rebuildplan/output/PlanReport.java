package dev.rebuildplan.output;

import com.google.common.collect.ImmutableList;
import dev.rebuildplan.core.RebuildPlan;
import dev.rebuildplan.git.ChangeSet;

/**
 * Everything a report shows: where the changes came from, the plan, and the commands that build it.
 *
 * @param removed compose services built at the base that the head no longer has: never built
 */
public record PlanReport(
    ChangeSet changes,
    String rulesSource,
    RebuildPlan plan,
    ImmutableList<ImmutableList<String>> commands,
    ImmutableList<String> removed) {}
