package dev.rebuildplan.core;

import com.google.common.collect.ImmutableList;

/**
 * Path rules, ignore globs and the policy for unmatched paths. Paths are relative to the rules'
 * root, a folder of the repository given by {@code root} ("" for the repository's top); a changed
 * path outside it matches nothing.
 */
public record RuleSet(
    String root,
    ImmutableList<PathRule> rules,
    ImmutableList<Glob> ignores,
    UnmatchedPolicy unmatched) {

  public RuleSet {
    if (!root.isEmpty() && (root.startsWith("/") || !root.endsWith("/"))) {
      throw new IllegalArgumentException("root must be '' or a relative folder ending in '/'");
    }
  }

  /** Rules at the repository's top, ignoring nothing, unmatched paths ignored. */
  public static RuleSet of(PathRule... rules) {
    return new RuleSet("", ImmutableList.copyOf(rules), ImmutableList.of(), UnmatchedPolicy.IGNORE);
  }

  public RuleSet withRoot(String newRoot) {
    return new RuleSet(newRoot, rules, ignores, unmatched);
  }
}
