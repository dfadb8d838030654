package dev.rebuildplan.core;

/** Why an image is in a plan. */
public sealed interface Reason {
  /** A changed path matched a rule that maps it to the image. */
  record PathMatch(String path, String rule, PathRule.Source source) implements Reason {
    public PathMatch(String path, String rule) {
      this(path, rule, PathRule.Source.RULES);
    }
  }

  /** The image is built FROM a parent that is in the plan. */
  record BuiltFrom(String parent) implements Reason {}

  /** A changed path matched no rule, and the rules say such a path rebuilds every image. */
  record Unmatched(String path) implements Reason {}

  /** The image's build definition changed, or its service is new (compose, not a path). */
  record Definition(String detail) implements Reason {}
}
