package dev.rebuildplan.build;

/**
 * Neither {@code docker compose} nor {@code docker-compose} can be run: nothing was built, so this
 * is bad input or set-up (exit 2), not a failed build.
 */
public final class ComposeUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public ComposeUnavailableException(String message) {
    super(message);
  }
}
