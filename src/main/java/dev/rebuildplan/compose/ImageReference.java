package dev.rebuildplan.compose;

/** Compares image references the way the local image store names them. */
final class ImageReference {
  private static final String DEFAULT_TAG = ":latest";

  private ImageReference() {}

  /**
   * Returns {@code reference} with {@code :latest} added when it has neither a tag nor a digest; a
   * port in the registry part ({@code host:5000/name}) is not a tag.
   */
  static String withDefaultTag(String reference) {
    String trimmed = reference.strip();
    String lastSegment = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    if (lastSegment.contains(":") || trimmed.contains("@")) {
      return trimmed;
    }
    return trimmed + DEFAULT_TAG;
  }
}
