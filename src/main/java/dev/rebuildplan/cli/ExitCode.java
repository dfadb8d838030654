package dev.rebuildplan.cli;

/** The exit codes, as listed in {@code --help} and README.md. */
final class ExitCode {
  /** Done, including "nothing to rebuild". */
  static final int OK = 0;

  /** A build failed (or, for {@code check}, a rebuild could be missed). */
  static final int FAILED = 1;

  /** Bad input: unknown revision, not a git repository, bad rules, bad flags. */
  static final int BAD_INPUT = 2;

  /** A bug in rebuild-plan itself. */
  static final int INTERNAL = 3;

  /** Interrupted (SIGINT); a SIGTERM gives 143 as usual. */
  static final int INTERRUPTED = 130;

  static final String HELP =
      "%nExit codes:%n"
          + "  0    done, including nothing to rebuild%n"
          + "  1    a build failed%n"
          + "  2    bad input: unknown revision, not a git repository, bad rules or compose"
          + " file,%n       bad flags, no docker compose to run%n"
          + "  3    internal error (a bug: please report it with --stacktrace output)%n"
          + "  130  interrupted (143 for SIGTERM); later stages were not started%n";

  private ExitCode() {}
}
