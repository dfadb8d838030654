package dev.rebuildplan.git;

/** A repository or revision that cannot be used; the message is one line for the user. */
public final class GitException extends Exception {
  private static final long serialVersionUID = 1L;

  public GitException(String message) {
    super(message);
  }

  public GitException(String message, Throwable cause) {
    super(message, cause);
  }
}
