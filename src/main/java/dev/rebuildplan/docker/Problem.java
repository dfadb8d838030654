package dev.rebuildplan.docker;

/** Something a Docker build file says that could not be understood, and where it says it. */
public record Problem(String file, int line, String message) {
  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
