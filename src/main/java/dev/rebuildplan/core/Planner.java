package dev.rebuildplan.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns changed paths into a rebuild plan. Pure: it reads no file, runs no process and knows
 * nothing of git. Rules are compiled once, so one planner can plan many change sets.
 */
public final class Planner {
  private final ImmutableList<CompiledRules> ruleSets;
  private final ImageGraph graph;

  /** Rule sets compiled for lookup: rules and ignores keyed by their literal prefixes. */
  private static final class CompiledRules {
    final RuleSet rules;
    final GlobIndex<PathRule> ruleIndex = new GlobIndex<>();
    final GlobIndex<Boolean> ignoreIndex = new GlobIndex<>();

    CompiledRules(RuleSet rules) {
      this.rules = rules;
      rules.rules().forEach(rule -> ruleIndex.add(rule.glob(), rule));
      rules.ignores().forEach(glob -> ignoreIndex.add(glob, Boolean.TRUE));
    }
  }

  public Planner(RuleSet rules, ImageGraph graph) {
    this(List.of(rules), graph);
  }

  /**
   * A planner for several rule sets at once, e.g. a rules file and the inputs derived from the
   * Dockerfiles. Each set has its own root and ignores; a path maps to the union of what every set
   * maps it to. A path is unmatched when no set maps it while at least one set, inside whose root
   * it lies and which does not ignore it, could have; the strictest policy of those sets decides.
   */
  public Planner(List<RuleSet> ruleSets, ImageGraph graph) {
    this.ruleSets =
        ruleSets.stream().map(CompiledRules::new).collect(ImmutableList.toImmutableList());
    this.graph = graph;
  }

  /**
   * Plans the rebuild for repository-relative changed paths.
   *
   * @throws UnmatchedPathsException when the rules say {@code unmatched: error} and a path inside
   *     the rules' root matched neither a rule nor an ignore
   */
  public RebuildPlan plan(Collection<String> changedPaths) {
    return plan(changedPaths, Map.of());
  }

  /**
   * Plans the rebuild for changed paths plus images that must build for reasons other than a path
   * (a changed build definition, a new service).
   *
   * @throws UnmatchedPathsException as {@link #plan(Collection)}
   */
  public RebuildPlan plan(
      Collection<String> changedPaths, Map<String, ? extends List<Reason>> forced) {
    Map<String, List<Reason>> reasons = new HashMap<>();
    forced.forEach(
        (image, why) -> {
          if (graph.contains(image) && graph.image(image).built()) {
            reasons.computeIfAbsent(image, name -> new ArrayList<>()).addAll(why);
          }
        });
    Map<String, UnmatchedPolicy> unmatched = new LinkedHashMap<>();
    Warnings warnings = new Warnings();
    for (String path : changedPaths) {
      boolean mapped = false;
      UnmatchedPolicy policy = null;
      for (CompiledRules set : ruleSets) {
        String root = set.rules.root();
        if (!path.startsWith(root)) {
          continue;
        }
        String relative = path.substring(root.length());
        if (set.ignoreIndex.anyMatch(relative)) {
          continue;
        }
        policy = stricter(policy, set.rules.unmatched());
        mapped |= mapToImages(set, path, relative, reasons, warnings);
      }
      if (!mapped && policy != null) {
        unmatched.put(path, policy);
      }
    }
    applyUnmatchedPolicy(unmatched, reasons);
    addDescendants(reasons);
    return toPlan(reasons, List.copyOf(unmatched.keySet()), warnings.list());
  }

  private static UnmatchedPolicy stricter(UnmatchedPolicy a, UnmatchedPolicy b) {
    return a == null || b.compareTo(a) > 0 ? b : a;
  }

  /** Adds a reason to each image the path maps to; false when no rule maps it to a known image. */
  private boolean mapToImages(
      CompiledRules set,
      String path,
      String relative,
      Map<String, List<Reason>> reasons,
      Warnings warnings) {
    boolean[] mapped = {false};
    set.ruleIndex.forEachMatch(
        relative,
        (glob, rule) -> {
          if (rule.exclude().excludes(path)) {
            return;
          }
          var captures =
              glob.captures().isEmpty()
                  ? Map.<String, String>of()
                  : glob.match(relative).orElseThrow();
          for (String image : rule.imagesFor(captures)) {
            if (!graph.contains(image)) {
              warnings.unknownImage(rule, image, path);
            } else if (!graph.image(image).built()) {
              warnings.stockImage(rule, image, path);
              mapped[0] = true;
            } else {
              reasons
                  .computeIfAbsent(image, name -> new ArrayList<>())
                  .add(new Reason.PathMatch(path, rule.toString(), rule.source()));
              mapped[0] = true;
            }
          }
        });
    return mapped[0];
  }

  private void applyUnmatchedPolicy(
      Map<String, UnmatchedPolicy> unmatched, Map<String, List<Reason>> reasons) {
    ImmutableList<String> errors =
        unmatched.entrySet().stream()
            .filter(entry -> entry.getValue() == UnmatchedPolicy.ERROR)
            .map(Map.Entry::getKey)
            .collect(ImmutableList.toImmutableList());
    if (!errors.isEmpty()) {
      throw new UnmatchedPathsException(errors);
    }
    List<String> rebuildAll =
        unmatched.entrySet().stream()
            .filter(entry -> entry.getValue() == UnmatchedPolicy.ALL)
            .map(Map.Entry::getKey)
            .toList();
    if (rebuildAll.isEmpty()) {
      return;
    }
    for (String image : graph.names()) {
      if (graph.image(image).built()) {
        List<Reason> list = reasons.computeIfAbsent(image, name -> new ArrayList<>());
        rebuildAll.forEach(path -> list.add(new Reason.Unmatched(path)));
      }
    }
  }

  /** Pulls in every built image built FROM a planned one, transitively. */
  private void addDescendants(Map<String, List<Reason>> reasons) {
    Deque<String> pending = new ArrayDeque<>(reasons.keySet());
    while (!pending.isEmpty()) {
      for (String child : graph.children(pending.pop())) {
        if (graph.image(child).built() && !reasons.containsKey(child)) {
          reasons.put(child, new ArrayList<>());
          pending.push(child);
        }
      }
    }
    for (var entry : reasons.entrySet()) {
      for (String parent : new java.util.TreeSet<>(graph.parents(entry.getKey()))) {
        if (reasons.containsKey(parent)) {
          entry.getValue().add(new Reason.BuiltFrom(parent));
        }
      }
    }
  }

  private RebuildPlan toPlan(
      Map<String, List<Reason>> reasons, List<String> unmatched, ImmutableList<String> warnings) {
    Map<String, Integer> stageOf = new HashMap<>();
    reasons.keySet().forEach(image -> stage(image, reasons, stageOf));
    TreeMap<Integer, List<String>> byStage = new TreeMap<>();
    stageOf.forEach(
        (image, stage) -> byStage.computeIfAbsent(stage, s -> new ArrayList<>()).add(image));

    ImmutableList.Builder<ImmutableList<String>> stages = ImmutableList.builder();
    Map<String, PlannedImage> images = new LinkedHashMap<>();
    for (var entry : byStage.entrySet()) {
      List<String> names = entry.getValue();
      names.sort(Comparator.naturalOrder());
      stages.add(ImmutableList.copyOf(names));
      for (String name : names) {
        images.put(
            name, new PlannedImage(name, entry.getKey(), ImmutableList.copyOf(reasons.get(name))));
      }
    }
    return new RebuildPlan(
        stages.build(), ImmutableMap.copyOf(images), ImmutableList.copyOf(unmatched), warnings);
  }

  /** The 1-based stage of a planned image: one after the latest of its planned parents. */
  private int stage(String image, Map<String, List<Reason>> planned, Map<String, Integer> stageOf) {
    Integer known = stageOf.get(image);
    if (known != null) {
      return known;
    }
    int stage = 1;
    for (String parent : graph.parents(image)) {
      if (planned.containsKey(parent)) {
        stage = Math.max(stage, stage(parent, planned, stageOf) + 1);
      }
    }
    stageOf.put(image, stage);
    return stage;
  }

  /** Warnings, one per rule and image however many paths hit them. */
  private static final class Warnings {
    private final Map<String, String> byKey = new LinkedHashMap<>();

    void unknownImage(PathRule rule, String image, String path) {
      byKey.putIfAbsent(
          "unknown " + rule + " " + image,
          "rule '"
              + rule
              + "' maps '"
              + path
              + "' to image '"
              + image
              + "', which the rules do not declare; the path was not counted for it");
    }

    void stockImage(PathRule rule, String image, String path) {
      byKey.putIfAbsent(
          "stock " + rule + " " + image,
          "rule '"
              + rule
              + "' maps '"
              + path
              + "' to '"
              + image
              + "', a stock image that is never built");
    }

    ImmutableList<String> list() {
      return ImmutableList.copyOf(byKey.values());
    }
  }
}
