package dev.rebuildplan.docker;

/**
 * An image a build needs, as named after expanding variables, and the line naming it.
 *
 * @param image such as {@code node:20-alpine}, {@code augmentos-cloud-base} or {@code a@sha256:...}
 * @param line the FROM's or COPY's line
 */
public record ImageRef(String image, int line) {
  /**
   * The image without its tag or digest: {@code registry:5000/a/b:1} gives {@code
   * registry:5000/a/b}.
   */
  public String repository() {
    String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    int colon = withoutDigest.lastIndexOf(':');
    return colon > withoutDigest.lastIndexOf('/')
        ? withoutDigest.substring(0, colon)
        : withoutDigest;
  }
}
