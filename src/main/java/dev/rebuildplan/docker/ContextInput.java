package dev.rebuildplan.docker;

/**
 * A source pattern that a build reads from its context, and the line that reads it.
 *
 * @param pattern as in COPY; {@code .} is the whole context
 * @param line the instruction's line, or the line of the problem that made the whole context an
 *     input
 */
public record ContextInput(String pattern, int line) {
  /** Compiles the pattern for matching paths. */
  public CopySource toCopySource() {
    return CopySource.of(pattern);
  }
}
