package dev.rebuildplan.bench;

import com.google.common.collect.ImmutableList;
import dev.rebuildplan.core.Image;
import dev.rebuildplan.core.ImageGraph;
import dev.rebuildplan.core.PathRule;
import dev.rebuildplan.core.Planner;
import dev.rebuildplan.core.RebuildPlan;
import dev.rebuildplan.core.RuleSet;
import dev.rebuildplan.core.UnmatchedPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The core alone: changed paths times rules to a plan, in the reference layout that bench/generate
 * writes (one literal-prefix rule per image, plus the shared-package rule of the base image).
 * {@code plan} plans a fixed rule set; {@code compileAndPlan} also compiles the rules, as one CLI
 * run does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlannerBenchmark {
  private static final String BASE = "augmentos-cloud-base";

  @Param({"1", "100", "10000", "100000"})
  int paths;

  @Param({"10", "1000", "10000"})
  int rules;

  private List<Image> images;
  private RuleSet ruleSet;
  private Planner planner;
  private List<String> changedPaths;

  @Setup
  public void setUp() {
    images = new ArrayList<>(List.of(Image.built(BASE)));
    ImmutableList.Builder<PathRule> pathRules = ImmutableList.builder();
    pathRules.add(PathRule.of("packages/**", BASE), PathRule.of("package.json", BASE));
    for (int i = 0; i < rules - 2; i++) {
      images.add(Image.built("s" + i, BASE));
      pathRules.add(PathRule.of("services/s" + i + "/**", "s" + i));
    }
    ruleSet = new RuleSet("", pathRules.build(), ImmutableList.of(), UnmatchedPolicy.IGNORE);
    planner = new Planner(ruleSet, ImageGraph.of(images));
    changedPaths = new ArrayList<>();
    int services = rules - 2;
    for (int n = 0; n < paths; n++) {
      changedPaths.add(
          n % 10 == 0
              ? "packages/p" + (n % 100) + "/src/f" + n + ".ts"
              : "services/s" + (n % services) + "/src/d" + (n / 1000) + "/f" + n + ".ts");
    }
  }

  @Benchmark
  public RebuildPlan plan() {
    return planner.plan(changedPaths);
  }

  @Benchmark
  public RebuildPlan compileAndPlan() {
    return new Planner(ruleSet, ImageGraph.of(images)).plan(changedPaths);
  }
}
