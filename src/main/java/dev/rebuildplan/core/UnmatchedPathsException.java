package dev.rebuildplan.core;

import com.google.common.collect.ImmutableList;

/** Thrown when the rules say {@code unmatched: error} and changed paths matched no rule. */
public final class UnmatchedPathsException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ImmutableList<String> paths;

  public UnmatchedPathsException(ImmutableList<String> paths) {
    super(
        paths.size()
            + " changed path(s) match no rule, first '"
            + paths.get(0)
            + "'; add a rule or an ignore for it, or set 'unmatched: ignore'");
    this.paths = paths;
  }

  public ImmutableList<String> paths() {
    return paths;
  }
}
