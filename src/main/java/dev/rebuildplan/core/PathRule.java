package dev.rebuildplan.core;

import com.google.common.collect.ImmutableList;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the paths one glob matches to images. An image name may use the glob's captures, as in
 * {@code services/{name}/**} to {@code {name}}.
 *
 * @param source where the rule comes from: a rules file, or a Dockerfile's COPY/ADD (derived)
 * @param description how a reason names the rule: the glob, or e.g. the COPY line it came from
 * @param exclude paths the glob matches but the rule does not count, e.g. a .dockerignore
 */
public record PathRule(
    Glob glob,
    ImmutableList<String> images,
    Source source,
    String description,
    PathFilter exclude) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

  /** Where a rule comes from. */
  public enum Source {
    /** A rules file, written by people. */
    RULES,
    /** Derived from a Dockerfile or the compose file: what the build really reads. */
    DOCKERFILE
  }

  /** Paths a rule's glob matches but the rule does not count. */
  @FunctionalInterface
  public interface PathFilter {
    PathFilter NONE = path -> false;

    boolean excludes(String path);
  }

  public PathRule {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("rule '" + glob + "' names no image");
    }
    for (String image : images) {
      Matcher placeholder = PLACEHOLDER.matcher(image);
      while (placeholder.find()) {
        if (!glob.captures().contains(placeholder.group(1))) {
          throw new IllegalArgumentException(
              "image '"
                  + image
                  + "' uses {"
                  + placeholder.group(1)
                  + "}, which '"
                  + glob
                  + "' does not capture");
        }
      }
    }
  }

  /** A rule from a rules file, described by its glob. */
  public PathRule(Glob glob, ImmutableList<String> images) {
    this(glob, images, Source.RULES, glob.toString(), PathFilter.NONE);
  }

  public static PathRule of(String glob, String... images) {
    return new PathRule(Glob.compile(glob), ImmutableList.copyOf(images));
  }

  /** The image names this rule gives for a path it matched, with captures filled in. */
  public ImmutableList<String> imagesFor(Map<String, String> captures) {
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
    return description;
  }
}
