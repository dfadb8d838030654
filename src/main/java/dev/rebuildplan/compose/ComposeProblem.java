package dev.rebuildplan.compose;

/**
 * Something wrong in a compose project, located in a file where possible.
 *
 * @param file the repository-relative file (or folder) the problem is in
 * @param line the 1-based line, or 0 when unknown
 * @param column the 1-based column, or 0 when unknown
 * @param message what is wrong, lower case, one line
 */
public record ComposeProblem(String file, int line, int column, String message) {
  public ComposeProblem {
    message = message.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  static ComposeProblem inFile(String file, String message) {
    return new ComposeProblem(file, 0, 0, message);
  }

  /** Returns {@code file:line:column: message}, leaving out what is unknown. */
  @Override
  public String toString() {
    if (line <= 0) {
      return file + ": " + message;
    }
    return file + ":" + line + ":" + column + ": " + message;
  }
}
