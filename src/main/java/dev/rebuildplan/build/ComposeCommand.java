package dev.rebuildplan.build;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * How to call docker compose: the v2 plugin ({@code docker compose}) or the v1 standalone {@code
 * docker-compose}, with the project's files and name. Arguments stay separate; nothing goes through
 * a shell.
 */
public record ComposeCommand(
    ImmutableList<String> executable,
    ImmutableList<String> composeFiles,
    Optional<String> projectName,
    ImmutableList<String> extraBuildFlags) {

  /** The v2 form: {@code <docker> compose}. */
  public static ComposeCommand v2(
      String docker, List<String> files, Optional<String> project, List<String> extra) {
    return new ComposeCommand(
        ImmutableList.of(docker, "compose"),
        ImmutableList.copyOf(files),
        project,
        ImmutableList.copyOf(extra));
  }

  public ComposeCommand withExecutable(List<String> newExecutable) {
    return new ComposeCommand(
        ImmutableList.copyOf(newExecutable), composeFiles, projectName, extraBuildFlags);
  }

  /** The argument vector that builds the given images. */
  public ImmutableList<String> buildArgs(List<String> images) {
    ImmutableList.Builder<String> args = ImmutableList.<String>builder().addAll(executable);
    for (String file : composeFiles) {
      args.add("-f", file);
    }
    projectName.ifPresent(name -> args.add("-p", name));
    return args.add("build").addAll(extraBuildFlags).addAll(images).build();
  }

  /** The command as a user would type it, for logs: arguments with odd characters are quoted. */
  public static String display(List<String> args) {
    StringBuilder line = new StringBuilder();
    for (String arg : args) {
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(
          arg.matches("[A-Za-z0-9_./:=@%+,-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
    }
    return line.toString();
  }
}
