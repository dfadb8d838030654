package dev.rebuildplan.docker;

import com.google.common.collect.ImmutableList;

/**
 * A COPY or ADD, or a {@code RUN --mount} of type bind, and where its files come from.
 *
 * @param stage the index of the stage it belongs to
 * @param instruction {@code COPY}, {@code ADD} or {@code RUN}
 * @param sources the source patterns after expanding variables, globs as written; heredocs and
 *     remote ADD sources (URLs, git) are left out, so a {@code COPY <<EOF /dest} has none
 * @param from the {@code --from} value after expanding variables, empty when from the context
 * @param fromStage the index of the stage {@code from} names, or -1 for the context or an image
 * @param line the instruction's first line
 */
public record Copy(
    int stage,
    String instruction,
    ImmutableList<String> sources,
    String from,
    int fromStage,
    int line) {

  /** Whether the sources are read from the build context (no {@code --from}). */
  public boolean isFromContext() {
    return from.isEmpty();
  }

  /** Whether the sources are read from an image that is not a stage of this file. */
  public boolean isFromImage() {
    return !from.isEmpty() && fromStage < 0;
  }

  Copy withFromStage(int index) {
    return new Copy(stage, instruction, sources, from, index, line);
  }
}
