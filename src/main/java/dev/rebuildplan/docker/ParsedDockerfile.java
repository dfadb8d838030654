package dev.rebuildplan.docker;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a Dockerfile says about its build's inputs and order.
 *
 * @param fileName the name it was parsed under
 * @param stages every stage, in file order
 * @param copies every COPY, ADD and RUN bind mount, in file order
 * @param onBuilds the ONBUILD triggers, which are inputs of images built FROM this one, not of it
 * @param problems what could not be understood; any problem makes the whole context an input
 */
public record ParsedDockerfile(
    String fileName,
    ImmutableList<Stage> stages,
    ImmutableList<Copy> copies,
    ImmutableList<OnBuild> onBuilds,
    ImmutableList<Problem> problems) {

  /** Whether something could not be understood, so that every context file counts as input. */
  public boolean isWholeContextInput() {
    return !problems.isEmpty();
  }

  /**
   * The stages a build of the target runs: the target and, transitively, the stages it starts FROM
   * and copies or mounts from. The last stage is the default target.
   *
   * @throws IllegalArgumentException when the target names no stage
   */
  public ImmutableSortedSet<Integer> stagesBuilt(Optional<String> target) {
    TreeSet<Integer> built = new TreeSet<>();
    Deque<Integer> pending = new ArrayDeque<>();
    targetStage(target).ifPresent(pending::add);
    while (!pending.isEmpty()) {
      int stage = pending.pop();
      if (built.add(stage)) {
        dependencies(stage).forEach(pending::push);
      }
    }
    return ImmutableSortedSet.copyOf(built);
  }

  /**
   * The source patterns that a build of the target reads from its context. When {@link
   * #isWholeContextInput()}, the list starts with {@code .} at the first problem's line.
   *
   * @throws IllegalArgumentException when the target names no stage
   */
  public ImmutableList<ContextInput> contextInputs(Optional<String> target) {
    ImmutableSortedSet<Integer> built = stagesBuilt(target);
    ImmutableList.Builder<ContextInput> inputs = ImmutableList.builder();
    if (isWholeContextInput()) {
      inputs.add(new ContextInput(".", problems.get(0).line()));
    }
    for (Copy copy : copies) {
      if (copy.isFromContext() && built.contains(copy.stage())) {
        copy.sources().forEach(source -> inputs.add(new ContextInput(source, copy.line())));
      }
    }
    return inputs.build();
  }

  /**
   * The images that the target's stages start FROM, in file order; {@code scratch} and stages are
   * left out.
   *
   * @throws IllegalArgumentException when the target names no stage
   */
  public ImmutableList<ImageRef> baseImages(Optional<String> target) {
    ImmutableSortedSet<Integer> built = stagesBuilt(target);
    return stages.stream()
        .filter(stage -> built.contains(stage.index()))
        .filter(stage -> !stage.isStageReference() && !stage.isScratch())
        .map(stage -> new ImageRef(stage.base(), stage.line()))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * The images that the target's stages copy or mount files from ({@code --from=<image>}).
   *
   * @throws IllegalArgumentException when the target names no stage
   */
  public ImmutableList<ImageRef> copiedImages(Optional<String> target) {
    ImmutableSortedSet<Integer> built = stagesBuilt(target);
    return copies.stream()
        .filter(copy -> copy.isFromImage() && built.contains(copy.stage()))
        .map(copy -> new ImageRef(copy.from(), copy.line()))
        .collect(ImmutableList.toImmutableList());
  }

  private Optional<Integer> targetStage(Optional<String> target) {
    if (target.isEmpty()) {
      return stages.isEmpty() ? Optional.empty() : Optional.of(stages.size() - 1);
    }
    String name = target.get().toLowerCase(Locale.ROOT);
    return Optional.of(
        stages.stream()
            .filter(stage -> stage.name().equals(name))
            .map(Stage::index)
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "target stage '" + target.get() + "' is not in " + fileName)));
  }

  private ImmutableList<Integer> dependencies(int stage) {
    ImmutableList.Builder<Integer> dependencies = ImmutableList.builder();
    int base = stages.get(stage).baseStage();
    if (base >= 0) {
      dependencies.add(base);
    }
    copies.stream()
        .filter(copy -> copy.stage() == stage && copy.fromStage() >= 0)
        .forEach(copy -> dependencies.add(copy.fromStage()));
    return dependencies.build();
  }
}
