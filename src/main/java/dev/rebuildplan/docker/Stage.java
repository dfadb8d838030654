package dev.rebuildplan.docker;

import java.util.Optional;

/**
 * One build stage, opened by a FROM.
 *
 * @param index the stage's position, from 0, as {@code COPY --from=<index>} counts
 * @param name the {@code AS} name in lower case, as BuildKit compares names; empty when unnamed
 * @param baseAsWritten the image or stage named by FROM, before variables are expanded
 * @param base the image or stage after expanding variables (as written when that failed)
 * @param baseStage the index of the earlier stage the FROM names, or -1 for an image
 * @param platform the {@code --platform} value as written, empty when not given
 * @param line the FROM's line, from 1
 */
public record Stage(
    int index,
    String name,
    String baseAsWritten,
    String base,
    int baseStage,
    String platform,
    int line) {

  /** The stage's name, when it has one. */
  public Optional<String> stageName() {
    return name.isEmpty() ? Optional.empty() : Optional.of(name);
  }

  /** Whether the FROM names an earlier stage rather than an image. */
  public boolean isStageReference() {
    return baseStage >= 0;
  }

  /** Whether the stage starts from nothing ({@code FROM scratch}), so from no image at all. */
  public boolean isScratch() {
    return !isStageReference() && base.equalsIgnoreCase("scratch");
  }
}
