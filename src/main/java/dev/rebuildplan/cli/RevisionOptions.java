package dev.rebuildplan.cli;

import picocli.CommandLine.Option;

/** Which state of the repository to read, for the commands that compare nothing. */
final class RevisionOptions {
  @Option(
      names = "--head",
      paramLabel = "REV",
      defaultValue = "HEAD",
      description = "The revision whose files are read (default: ${DEFAULT-VALUE}).")
  String head = "HEAD";

  @Option(names = "--uncommitted", description = "Read the files of the work tree instead.")
  boolean uncommitted;
}
