package dev.rebuildplan.project;

/** A compose project that cannot be planned from; the message is one line for the user. */
public final class ProjectException extends Exception {
  private static final long serialVersionUID = 1L;

  public ProjectException(String message) {
    super(message);
  }
}
