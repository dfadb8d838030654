package dev.rebuildplan.ci;

/** The CI environment does not say where the changes start; the message is one line. */
public final class CiException extends Exception {
  private static final long serialVersionUID = 1L;

  public CiException(String message) {
    super(message);
  }
}
