package dev.rebuildplan.core;

/** What a changed path that no rule maps to an image does. */
public enum UnmatchedPolicy {
  /** The path affects nothing. */
  IGNORE,
  /** The path affects every built image. */
  ALL,
  /** The plan cannot be made; the user must write a rule or an ignore for the path. */
  ERROR
}
