package dev.rebuildplan.cli;

import dev.rebuildplan.build.ComposeUnavailableException;
import dev.rebuildplan.build.ProcessLauncher;
import dev.rebuildplan.build.SystemProcessLauncher;
import dev.rebuildplan.ci.CiException;
import dev.rebuildplan.core.UnmatchedPathsException;
import dev.rebuildplan.git.GitException;
import dev.rebuildplan.project.ProjectException;
import dev.rebuildplan.rules.RulesException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Entry point: builds the command line, runs it, and turns every failure into an exit code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = writer(FileDescriptor.out);
    PrintWriter err = writer(FileDescriptor.err);
    int code =
        run(args, System.in, out, err, System.getenv(), Path.of(""), new SystemProcessLauncher());
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the tool with the given streams, environment and start folder; returns the exit code. */
  public static int run(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      Map<String, String> environment,
      Path startDir,
      ProcessLauncher launcher) {
    return run(args, InputStream.nullInputStream(), out, err, environment, startDir, launcher);
  }

  /** As above, with a standard input (git's ref lines for {@code pre-push}). */
  public static int run(
      String[] args,
      InputStream in,
      PrintWriter out,
      PrintWriter err,
      Map<String, String> environment,
      Path startDir,
      ProcessLauncher launcher) {
    Path start = startDir.toAbsolutePath();
    CommandLine commandLine =
        new CommandLine(
            new RebuildPlanCommand(launcher, environment, start),
            new Factory(launcher, environment));
    commandLine.addSubcommand(new PrePushCommand(launcher, environment, start, in));
    commandLine.addSubcommand(new HookCommand(environment, start));
    commandLine.setOut(out).setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler(
        (e, unused) -> {
          err.println("error: " + e.getMessage() + "; see rebuild-plan --help");
          err.flush();
          return ExitCode.BAD_INPUT;
        });
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> handle(e, err, wantsStackTrace(parseResult)));
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Creates the commands with what they need injected; picocli's own classes as usual. */
  private record Factory(ProcessLauncher launcher, Map<String, String> environment)
      implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == ExplainCommand.class) {
        return type.cast(new ExplainCommand(environment));
      }
      if (type == CheckCommand.class) {
        return type.cast(new CheckCommand(environment));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  private static int handle(Exception e, PrintWriter err, boolean stackTrace) {
    int code;
    if (e instanceof UsageException
        || e instanceof GitException
        || e instanceof RulesException
        || e instanceof CiException
        || e instanceof UnmatchedPathsException
        || e instanceof ProjectException
        || e instanceof ComposeUnavailableException) {
      err.println("error: " + e.getMessage());
      code = ExitCode.BAD_INPUT;
    } else if (e instanceof java.io.IOException) {
      err.println("error: " + e.getMessage());
      code = ExitCode.FAILED;
    } else {
      err.println("error: internal error: " + e + "; rerun with --stacktrace and report it");
      code = ExitCode.INTERNAL;
    }
    if (stackTrace) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static boolean wantsStackTrace(ParseResult parseResult) {
    for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
      if (result.hasMatchedOption("--stacktrace")) {
        return true;
      }
    }
    return false;
  }

  private static PrintWriter writer(FileDescriptor descriptor) {
    return new PrintWriter(
        new OutputStreamWriter(new FileOutputStream(descriptor), StandardCharsets.UTF_8), true);
  }
}
