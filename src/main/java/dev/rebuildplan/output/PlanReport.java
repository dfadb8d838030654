package dev.rebuildplan.output;

import com.google.common.collect.ImmutableList;
import dev.rebuildplan.core.RebuildPlan;
import dev.rebuildplan.git.ChangeSet;

/**
 * Everything a report shows: where the changes came from, the plan, and the commands that build it.
 */
public record PlanReport(
    ChangeSet changes,
    String rulesSource,
    RebuildPlan plan,
    ImmutableList<ImmutableList<String>> commands) {}
