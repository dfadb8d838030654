package dev.rebuildplan.cli;

/** Bad input from the user: flags that do not go together, a missing argument. Exit code 2. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
