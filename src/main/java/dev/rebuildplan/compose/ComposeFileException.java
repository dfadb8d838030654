package dev.rebuildplan.compose;

/** A compose file that cannot be used at all: not YAML, or not a mapping at the top. */
final class ComposeFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient ComposeProblem problem;

  ComposeFileException(ComposeProblem problem) {
    super(problem.toString());
    this.problem = problem;
  }

  ComposeProblem problem() {
    return problem;
  }
}
