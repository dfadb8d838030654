package dev.rebuildplan.core;

import com.google.common.collect.ImmutableSet;

/**
 * One image of the project: a compose service name, the images of the project it is built FROM, and
 * whether it is built at all (a stock image such as a database is not).
 */
public record Image(String name, ImmutableSet<String> parents, boolean built) {
  public Image {
    if (name.isBlank()) {
      throw new IllegalArgumentException("image name is blank");
    }
  }

  public static Image built(String name, String... parents) {
    return new Image(name, ImmutableSet.copyOf(parents), true);
  }

  public static Image stock(String name) {
    return new Image(name, ImmutableSet.of(), false);
  }
}
