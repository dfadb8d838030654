package dev.rebuildplan.core;

import com.google.common.collect.ImmutableList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the paths one glob matches to images. An image name may use the glob's captures, as in
 * {@code services/{name}/**} to {@code {name}}.
 */
public record PathRule(Glob glob, ImmutableList<String> images) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

  public PathRule {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("rule '" + glob + "' names no image");
    }
    for (String image : images) {
      Matcher placeholder = PLACEHOLDER.matcher(image);
      while (placeholder.find()) {
        if (!glob.captures().contains(placeholder.group(1))) {
          throw new IllegalArgumentException(
              "image '" + image + "' uses {" + placeholder.group(1) + "}, which '" + glob
                  + "' does not capture");
        }
      }
    }
  }

  public static PathRule of(String glob, String... images) {
    return new PathRule(Glob.compile(glob), ImmutableList.copyOf(images));
  }

  /** The image names this rule gives for a path it matched, with captures filled in. */
  ImmutableList<String> imagesFor(java.util.Map<String, String> captures) {
    if (captures.isEmpty()) {
      return images;
    }
    ImmutableList.Builder<String> names = ImmutableList.builder();
    for (String image : images) {
      String name = image;
      for (var capture : captures.entrySet()) {
        name = name.replace("{" + capture.getKey() + "}", capture.getValue());
      }
      names.add(name);
    }
    return names.build();
  }

  @Override
  public String toString() {
    return glob.toString();
  }
}
