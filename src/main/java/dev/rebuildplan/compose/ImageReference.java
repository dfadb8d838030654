package dev.rebuildplan.compose;

/** Compares image references the way Docker names them in the local image store. */
final class ImageReference {
  private static final String DEFAULT_REGISTRY = "docker.io";
  private static final String LEGACY_REGISTRY = "index.docker.io";
  private static final String OFFICIAL_NAMESPACE = "library/";
  private static final String DEFAULT_TAG = ":latest";

  private ImageReference() {}

  /**
   * Returns {@code reference} fully qualified as Docker normalizes it, so that two spellings of one
   * image compare equal.
   *
   * <ul>
   *   <li>a first component without a dot or a port, other than {@code localhost}, is not a
   *       registry, so {@code docker.io/} is implied; {@code index.docker.io} is {@code docker.io};
   *   <li>a single-component name on Docker Hub gets {@code library/};
   *   <li>{@code :latest} is added when there is neither a tag nor a digest; a port in the registry
   *       part ({@code host:5000/name}) is not a tag; a digest is kept.
   * </ul>
   *
   * Everything else is compared as written, case included.
   */
  static String normalize(String reference) {
    String trimmed = reference.strip();
    int at = trimmed.indexOf('@');
    String digest = at < 0 ? "" : trimmed.substring(at);
    String name = at < 0 ? trimmed : trimmed.substring(0, at);
    String qualified = qualified(name);
    String lastSegment = qualified.substring(qualified.lastIndexOf('/') + 1);
    boolean tagged = lastSegment.contains(":");
    return qualified + (tagged || !digest.isEmpty() ? "" : DEFAULT_TAG) + digest;
  }

  private static String qualified(String name) {
    int slash = name.indexOf('/');
    String first = slash < 0 ? "" : name.substring(0, slash);
    boolean hasRegistry = first.contains(".") || first.contains(":") || first.equals("localhost");
    String registry = hasRegistry ? first : DEFAULT_REGISTRY;
    String path = hasRegistry ? name.substring(slash + 1) : name;
    if (registry.equals(LEGACY_REGISTRY)) {
      registry = DEFAULT_REGISTRY;
    }
    if (registry.equals(DEFAULT_REGISTRY) && !path.contains("/")) {
      path = OFFICIAL_NAMESPACE + path;
    }
    return registry + "/" + path;
  }
}
