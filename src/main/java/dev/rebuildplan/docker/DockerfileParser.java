package dev.rebuildplan.docker;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.rebuildplan.docker.DockerfileLexer.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads what decides a build's inputs and order from a Dockerfile's text: its stages and the images
 * they start FROM, the files COPY, ADD and RUN bind mounts read, and ONBUILD triggers. Whatever it
 * cannot understand becomes a {@link Problem}, never an exception.
 */
public final class DockerfileParser {
  private static final ImmutableSet<String> READ_INSTRUCTIONS =
      ImmutableSet.of("FROM", "ARG", "COPY", "ADD", "RUN", "ONBUILD");
  private static final ImmutableSet<String> OTHER_INSTRUCTIONS =
      ImmutableSet.of(
          "CMD",
          "ENTRYPOINT",
          "ENV",
          "EXPOSE",
          "HEALTHCHECK",
          "LABEL",
          "MAINTAINER",
          "SHELL",
          "STOPSIGNAL",
          "USER",
          "VOLUME",
          "WORKDIR");
  private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9\\-_.]*");
  private static final Pattern STAGE_INDEX = Pattern.compile("\\d+");
  private static final String FROM_SYNTAX = "FROM [--platform=<platform>] <image> [AS <name>]";

  private final String fileName;
  private final ArgScope args;
  private final List<Stage> stages = new ArrayList<>();
  private final List<Copy> copies = new ArrayList<>();
  private final List<OnBuild> onBuilds = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();

  private DockerfileParser(String fileName, Map<String, String> buildArgs, char escape) {
    this.fileName = fileName;
    this.args = new ArgScope(ImmutableMap.copyOf(buildArgs), escape);
  }

  /**
   * Parses a Dockerfile.
   *
   * @param fileName the name problems are reported under, such as {@code Dockerfile copy.dev}
   * @param text the file's content
   * @param buildArgs the build args given to the build; they override ARG defaults
   */
  public static ParsedDockerfile parse(
      String fileName, String text, Map<String, String> buildArgs) {
    DockerfileLexer.Lexed lexed = DockerfileLexer.lex(fileName, text);
    DockerfileParser parser = new DockerfileParser(fileName, buildArgs, lexed.escape());
    parser.problems.addAll(lexed.problems());
    lexed.instructions().forEach(parser::read);
    return parser.finish();
  }

  private void read(Instruction instruction) {
    String keyword = instruction.keyword();
    if (!READ_INSTRUCTIONS.contains(keyword) && !OTHER_INSTRUCTIONS.contains(keyword)) {
      problem(instruction, "unknown instruction " + keyword);
    } else if (stages.isEmpty() && !keyword.equals("FROM") && !keyword.equals("ARG")) {
      problem(instruction, keyword + " before the first FROM; only ARG may come before it");
    } else {
      dispatch(instruction);
    }
  }

  private void dispatch(Instruction instruction) {
    switch (instruction.keyword()) {
      case "FROM" -> readFrom(instruction);
      case "ARG" -> readArg(instruction);
      case "COPY", "ADD" -> readCopy(instruction);
      case "RUN" -> readRunMounts(instruction);
      case "ONBUILD" ->
          onBuilds.add(new OnBuild(currentStage(), instruction.arguments(), instruction.line()));
      default -> {} // no effect on inputs or order
    }
  }

  private void readArg(Instruction instruction) {
    if (stages.isEmpty()) {
      args.declareGlobal(instruction.arguments());
    } else {
      args.declareInStage(instruction.arguments());
    }
  }

  private void readFrom(Instruction instruction) {
    args.startStage();
    ImmutableList<String> words = ArgScope.words(instruction.arguments());
    String platform = "";
    int first = 0;
    for (; first < words.size() && words.get(first).startsWith("--"); first++) {
      if (words.get(first).startsWith("--platform=")) {
        platform = words.get(first).substring("--platform=".length());
      } else {
        problem(instruction, "unknown FROM flag " + words.get(first) + "; expected " + FROM_SYNTAX);
      }
    }
    List<String> rest = words.subList(first, words.size());
    String image = rest.isEmpty() ? "" : rest.get(0);
    String name = "";
    if (rest.size() == 3 && rest.get(1).equalsIgnoreCase("as")) {
      name = stageName(rest.get(2), instruction);
    } else if (rest.size() != 1) {
      problem(
          instruction,
          "cannot read 'FROM " + instruction.arguments() + "'; expected " + FROM_SYNTAX);
    }
    String base = expand(args.globalExpander(), image, instruction).orElse(image);
    stages.add(
        new Stage(
            stages.size(), name, image, base, earlierStage(base), platform, instruction.line()));
  }

  private String stageName(String written, Instruction instruction) {
    String name = written.toLowerCase(Locale.ROOT);
    if (!STAGE_NAME.matcher(name).matches()) {
      problem(instruction, "invalid stage name '" + written + "'");
    } else if (stages.stream().anyMatch(stage -> stage.name().equals(name))) {
      problem(instruction, "stage name '" + written + "' is used twice");
    }
    return name;
  }

  private int earlierStage(String base) {
    String name = base.toLowerCase(Locale.ROOT);
    for (Stage stage : stages) {
      if (!name.isEmpty() && stage.name().equals(name)) {
        return stage.index();
      }
    }
    return -1;
  }

  private void readCopy(Instruction instruction) {
    InstructionArguments arguments = InstructionArguments.parse(instruction.arguments());
    if (arguments.words().size() < 2) {
      problem(
          instruction,
          "cannot read '"
              + instruction.keyword()
              + " "
              + instruction.arguments()
              + "'; expected at least one source and a destination");
      return;
    }
    // TODO: --exclude is not applied, so excluded files still count as inputs (safe, but it may
    // plan builds that would produce the same image).
    ImmutableList.Builder<String> sources = ImmutableList.builder();
    for (String word : arguments.sources()) {
      if (!DockerfileLexer.isHeredoc(word) && !isRemote(instruction, word)) {
        source(word, instruction).ifPresent(sources::add);
      }
    }
    String from = arguments.flag("from").map(value -> stageValue(value, instruction)).orElse("");
    addCopy(instruction, sources.build(), from);
  }

  private static boolean isRemote(Instruction instruction, String source) {
    return instruction.keyword().equals("ADD")
        && (source.contains("://") || source.startsWith("git@"));
  }

  private void readRunMounts(Instruction instruction) {
    InstructionArguments arguments = InstructionArguments.parse(instruction.arguments());
    for (String flag : arguments.flags()) {
      if (flag.startsWith("--mount=")) {
        RunMount mount = RunMount.parse(flag.substring("--mount=".length()));
        if (mount.isBind() || !mount.from().isEmpty()) {
          addMount(instruction, mount);
        }
      }
    }
  }

  private void addMount(Instruction instruction, RunMount mount) {
    Optional<String> source = source(mount.source(), instruction);
    String from = mount.from().isEmpty() ? "" : stageValue(mount.from(), instruction);
    addCopy(instruction, source.map(ImmutableList::of).orElse(ImmutableList.of()), from);
  }

  private void addCopy(Instruction instruction, ImmutableList<String> sources, String from) {
    copies.add(
        new Copy(currentStage(), instruction.keyword(), sources, from, -1, instruction.line()));
  }

  /** Expands a source and checks its globs; empty, with a problem noted, when either fails. */
  private Optional<String> source(String written, Instruction instruction) {
    Optional<String> source = expand(args.stageExpander(), written, instruction);
    try {
      source.ifPresent(CopySource::of);
      return source;
    } catch (IllegalArgumentException e) {
      problem(instruction, "source '" + written + "': " + e.getMessage());
      return Optional.empty();
    }
  }

  private String stageValue(String written, Instruction instruction) {
    return expand(args.stageExpander(), written, instruction).orElse(written);
  }

  private Optional<String> expand(VariableExpander expander, String word, Instruction at) {
    try {
      return Optional.of(expander.expand(word));
    } catch (VariableExpander.UnresolvedException e) {
      problem(at, "cannot resolve '" + word + "': " + e.getMessage());
      return Optional.empty();
    }
  }

  private ParsedDockerfile finish() {
    if (stages.isEmpty()) {
      problems.add(new Problem(fileName, 1, "no FROM instruction"));
    }
    ImmutableList<Copy> resolved =
        copies.stream().map(this::resolveFrom).collect(ImmutableList.toImmutableList());
    return new ParsedDockerfile(
        fileName,
        ImmutableList.copyOf(stages),
        resolved,
        ImmutableList.copyOf(onBuilds),
        ImmutableList.copyOf(problems));
  }

  private Copy resolveFrom(Copy copy) {
    if (copy.from().isEmpty()) {
      return copy;
    }
    int index = stageNamed(copy.from());
    // A --from naming this or a later stage is reported, yet still followed, so that its copies
    // stay inputs whatever the builder makes of it.
    if (index >= copy.stage()) {
      problems.add(
          new Problem(
              fileName,
              copy.line(),
              "--from=" + copy.from() + " names a stage that does not come before this one"));
    }
    return copy.withFromStage(index < stages.size() ? index : -1);
  }

  private int stageNamed(String from) {
    if (STAGE_INDEX.matcher(from).matches()) {
      return from.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(from);
    }
    String name = from.toLowerCase(Locale.ROOT);
    return stages.stream()
        .filter(stage -> stage.name().equals(name))
        .mapToInt(Stage::index)
        .findFirst()
        .orElse(-1);
  }

  private int currentStage() {
    return stages.size() - 1;
  }

  private void problem(Instruction instruction, String message) {
    problems.add(new Problem(fileName, instruction.line(), message));
  }
}
