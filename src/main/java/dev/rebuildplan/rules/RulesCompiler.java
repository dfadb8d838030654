package dev.rebuildplan.rules;

import com.google.common.collect.ImmutableList;
import dev.rebuildplan.core.Glob;
import dev.rebuildplan.core.Image;
import dev.rebuildplan.core.ImageGraph;
import dev.rebuildplan.core.PathRule;
import dev.rebuildplan.core.UnmatchedPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a checked rules spec into core values: the image graph, the rules, ignores, policy. */
final class RulesCompiler {
  private RulesCompiler() {}

  static ImageGraph toGraph(RulesSpec spec, String display) throws RulesException {
    List<Image> images = new ArrayList<>();
    for (var entry : spec.images.entrySet()) {
      Located<RulesSpec.ImageSpec> located = entry.getValue();
      RulesSpec.ImageSpec image = located == null ? new RulesSpec.ImageSpec() : located.value();
      boolean built = image.build == null || image.build;
      if (!built && !image.from.isEmpty()) {
        throw new RulesException(
            RulesFile.at(display, located)
                + "images."
                + entry.getKey()
                + ": a stock image (build: false) cannot be built FROM another image");
      }
      for (String parent : image.from) {
        if (!spec.images.containsKey(parent)) {
          throw new RulesException(
              RulesFile.at(display, located)
                  + "images."
                  + entry.getKey()
                  + ".from: '"
                  + parent
                  + "' is not a declared image; declare it under 'images' or fix the name");
        }
      }
      images.add(
          new Image(
              entry.getKey(), com.google.common.collect.ImmutableSet.copyOf(image.from), built));
    }
    try {
      return ImageGraph.of(images);
    } catch (IllegalArgumentException e) {
      // Names and parents were checked above, so this is a FROM cycle: point at its first image.
      // NOTE: relies on ImageGraph's message "FROM cycle: a -> b -> a".
      String first = e.getMessage().replaceFirst("^FROM cycle: ", "").split(" -> ")[0];
      Located<?> where = spec.images.get(first);
      String property = where == null ? "images" : "images." + first;
      throw new RulesException(RulesFile.at(display, where) + property + ": " + e.getMessage());
    }
  }

  static ImmutableList<PathRule> toRules(RulesSpec spec, String display, ImageGraph graph)
      throws RulesException {
    ImmutableList.Builder<PathRule> rules = ImmutableList.builder();
    for (int i = 0; i < spec.rules.size(); i++) {
      Located<RulesSpec.RuleSpec> located = spec.rules.get(i);
      String where = RulesFile.at(display, located) + "rules[" + i + "]";
      RulesSpec.RuleSpec rule = located == null ? null : located.value();
      if (rule == null || rule.match == null || rule.match.isEmpty()) {
        throw new RulesException(where + ".match: missing; give the glob(s) this rule matches");
      }
      if (rule.images == null || rule.images.isEmpty()) {
        throw new RulesException(where + ".images: missing; name the image(s) the paths affect");
      }
      for (String image : rule.images) {
        if (!image.contains("{") && !graph.contains(image)) {
          throw new RulesException(
              where
                  + ".images: '"
                  + image
                  + "' is not a declared image; declare it under 'images'");
        }
      }
      for (String glob : rule.match) {
        try {
          rules.add(new PathRule(Glob.compile(glob), ImmutableList.copyOf(rule.images)));
        } catch (IllegalArgumentException e) {
          throw new RulesException(where + ".match: " + e.getMessage());
        }
      }
    }
    return rules.build();
  }

  static ImmutableList<Glob> toIgnores(RulesSpec spec, String display) throws RulesException {
    ImmutableList.Builder<Glob> ignores = ImmutableList.builder();
    for (int i = 0; i < spec.ignore.size(); i++) {
      Located<String> glob = spec.ignore.get(i);
      try {
        ignores.add(Glob.compile(glob == null || glob.value() == null ? "" : glob.value()));
      } catch (IllegalArgumentException e) {
        throw new RulesException(
            RulesFile.at(display, glob) + "ignore[" + i + "]: " + e.getMessage());
      }
    }
    return ignores.build();
  }

  static UnmatchedPolicy toPolicy(RulesSpec spec, String display) throws RulesException {
    if (spec.unmatched == null || spec.unmatched.value() == null) {
      return UnmatchedPolicy.IGNORE;
    }
    String value = spec.unmatched.value();
    try {
      return UnmatchedPolicy.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new RulesException(
          RulesFile.at(display, spec.unmatched)
              + "unmatched: '"
              + value
              + "' is not one of ignore, all, error");
    }
  }
}
