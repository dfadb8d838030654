package dev.rebuildplan.rules;

/** A rules file that cannot be read or is wrong; the message is one line for the user. */
public final class RulesException extends Exception {
  private static final long serialVersionUID = 1L;

  public RulesException(String message) {
    super(message);
  }
}
