package dev.rebuildplan.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.rebuildplan.rules.Rules;
import dev.rebuildplan.rules.RulesException;
import dev.rebuildplan.rules.RulesFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {
  private static final List<List<String>> BASE_AND_ALL_SERVICES =
      List.of(
          List.of("augmentos-cloud-base"),
          List.of("cloud", "dashboard-manager", "flash", "live-captions", "miraai", "notify"));

  @TempDir Path repoTop;

  private Rules reference;
  private Planner planner;

  @BeforeEach
  void loadReferenceLayout() throws RulesException {
    reference = RulesFile.loadBuiltIn("augmentos-cloud", repoTop, repoTop);
    planner = new Planner(reference.ruleSet(), reference.graph());
  }

  private Planner referenceWith(UnmatchedPolicy policy, String root, Glob... ignores) {
    RuleSet rules = reference.ruleSet();
    return new Planner(
        new RuleSet(root, rules.rules(), ImmutableList.copyOf(ignores), policy), reference.graph());
  }

  @Test
  void plan_sharedPackageChanged_baseThenEveryService() {
    RebuildPlan plan = planner.plan(List.of("packages/utils/src/index.ts"));

    assertEquals(BASE_AND_ALL_SERVICES, plan.stages());
  }

  @Test
  void plan_rootPackageJson_baseThenEveryService() {
    RebuildPlan plan = planner.plan(List.of("package.json"));

    assertEquals(BASE_AND_ALL_SERVICES, plan.stages());
  }

  @Test
  void plan_lockFile_baseThenEveryService() {
    RebuildPlan plan = planner.plan(List.of("bun.lock"));

    assertEquals(BASE_AND_ALL_SERVICES, plan.stages());
  }

  @Test
  void plan_servicePackageJson_onlyThatService() {
    RebuildPlan plan = planner.plan(List.of("services/flash/package.json"));

    assertEquals(List.of(List.of("flash")), plan.stages());
  }

  @Test
  void plan_twoServices_oneStageSorted() {
    RebuildPlan plan =
        planner.plan(List.of("services/notify/src/a.ts", "services/cloud/Dockerfile"));

    assertEquals(List.of(List.of("cloud", "notify")), plan.stages());
  }

  @Test
  void plan_docsOnly_emptyPlan() {
    RebuildPlan plan = planner.plan(List.of("docs/guide.md", "README.md"));

    assertTrue(plan.isEmpty());
    assertEquals(List.of(), plan.stages());
    assertEquals(List.of("docs/guide.md", "README.md"), plan.unmatchedPaths());
    assertEquals(List.of(), plan.warnings());
  }

  @Test
  void plan_noChanges_emptyPlan() {
    RebuildPlan plan = planner.plan(List.of());

    assertTrue(plan.isEmpty());
    assertTrue(plan.images().isEmpty());
  }

  @Test
  void plan_serviceChange_reasonNamesPathAndRule() {
    RebuildPlan plan = planner.plan(List.of("services/flash/src/a.ts"));

    assertEquals(
        List.of(new Reason.PathMatch("services/flash/src/a.ts", "services/{name}/**")),
        plan.images().get("flash").reasons());
    assertEquals(1, plan.images().get("flash").stage());
  }

  @Test
  void plan_baseChange_servicesBuiltFromBase() {
    RebuildPlan plan = planner.plan(List.of("packages/utils/a.ts"));

    assertEquals(
        List.of(new Reason.PathMatch("packages/utils/a.ts", "packages/**")),
        plan.images().get("augmentos-cloud-base").reasons());
    assertEquals(
        List.of(new Reason.BuiltFrom("augmentos-cloud-base")),
        plan.images().get("miraai").reasons());
    assertEquals(2, plan.images().get("miraai").stage());
  }

  @Test
  void plan_baseAndServiceChanged_serviceHasBothReasons() {
    RebuildPlan plan = planner.plan(List.of("package.json", "services/flash/x.ts"));

    assertEquals(
        List.of(
            new Reason.PathMatch("services/flash/x.ts", "services/{name}/**"),
            new Reason.BuiltFrom("augmentos-cloud-base")),
        plan.images().get("flash").reasons());
    assertEquals(BASE_AND_ALL_SERVICES, plan.stages());
  }

  @Test
  void plan_imagesInStageOrder_firstIsBase() {
    RebuildPlan plan = planner.plan(List.of("package.json"));

    assertEquals(
        List.of(
            "augmentos-cloud-base",
            "cloud",
            "dashboard-manager",
            "flash",
            "live-captions",
            "miraai",
            "notify"),
        List.copyOf(plan.images().keySet()));
  }

  @Test
  void plan_captureNamesUnknownImage_warnsAndInventsNoImage() {
    RebuildPlan plan =
        planner.plan(List.of("services/unknown-svc/a.ts", "services/unknown-svc/b.ts"));

    assertTrue(plan.isEmpty());
    assertFalse(plan.images().containsKey("unknown-svc"));
    assertEquals(
        List.of(
            "rule 'services/{name}/**' maps 'services/unknown-svc/a.ts' to image 'unknown-svc',"
                + " which the rules do not declare; the path was not counted for it"),
        plan.warnings());
  }

  @Test
  void plan_fileDirectlyInServicesFolder_noWarningAndNoImage() {
    RebuildPlan plan = planner.plan(List.of("services/README.md"));

    assertTrue(plan.isEmpty());
    assertEquals(List.of(), plan.warnings());
  }

  @Test
  void plan_folderNamedLikeRulePrefixOnly_notMatched() {
    RebuildPlan plan = planner.plan(List.of("packages-old/utils/a.ts"));

    assertTrue(plan.isEmpty());
  }

  @Test
  void plan_nestedPackageJson_notTheRootRule() {
    RebuildPlan plan = planner.plan(List.of("tools/x/package.json"));

    assertTrue(plan.isEmpty());
  }

  @Test
  void plan_pathMappedToStockImage_neverPlannedButWarned() {
    RuleSet rules =
        RuleSet.of(PathRule.of("db/**", "mongodb"), PathRule.of("services/{name}/**", "{name}"));
    Planner stockPlanner = new Planner(rules, reference.graph());

    RebuildPlan plan = stockPlanner.plan(List.of("db/init.js", "services/mongodb/x"));

    assertTrue(plan.isEmpty());
    assertFalse(plan.images().containsKey("mongodb"));
    assertEquals(List.of(), plan.unmatchedPaths());
    assertEquals(2, plan.warnings().size());
    assertTrue(plan.warnings().get(0).contains("a stock image that is never built"));
  }

  @Test
  void plan_unmatchedIgnore_pathReportedNothingPlanned() {
    Planner ignoring = referenceWith(UnmatchedPolicy.IGNORE, "");

    RebuildPlan plan = ignoring.plan(List.of("Makefile"));

    assertTrue(plan.isEmpty());
    assertEquals(List.of("Makefile"), plan.unmatchedPaths());
  }

  @Test
  void plan_unmatchedAll_everyBuiltImageWithUnmatchedReason() {
    Planner all = referenceWith(UnmatchedPolicy.ALL, "");

    RebuildPlan plan = all.plan(List.of("Makefile"));

    assertEquals(BASE_AND_ALL_SERVICES, plan.stages());
    assertEquals(
        List.of(new Reason.Unmatched("Makefile")),
        plan.images().get("augmentos-cloud-base").reasons());
    assertEquals(
        List.of(new Reason.Unmatched("Makefile"), new Reason.BuiltFrom("augmentos-cloud-base")),
        plan.images().get("cloud").reasons());
    assertFalse(plan.images().containsKey("mongodb"));
  }

  @Test
  void plan_unmatchedAllButEveryPathMatched_onlyMatchedImages() {
    Planner all = referenceWith(UnmatchedPolicy.ALL, "");

    RebuildPlan plan = all.plan(List.of("services/flash/a.ts"));

    assertEquals(List.of(List.of("flash")), plan.stages());
  }

  @Test
  void plan_unmatchedError_throwsNamingFirstPath() {
    Planner strict = referenceWith(UnmatchedPolicy.ERROR, "");

    UnmatchedPathsException e =
        assertThrows(
            UnmatchedPathsException.class,
            () -> strict.plan(List.of("services/flash/a.ts", "Makefile", "docs/a.md")));

    assertEquals(
        "2 changed path(s) match no rule, first 'Makefile'; add a rule or an ignore for it,"
            + " or set 'unmatched: ignore'",
        e.getMessage());
    assertEquals(List.of("Makefile", "docs/a.md"), e.paths());
  }

  @Test
  void plan_unmatchedErrorAndAllMatched_plans() {
    Planner strict = referenceWith(UnmatchedPolicy.ERROR, "");

    RebuildPlan plan = strict.plan(List.of("services/flash/a.ts"));

    assertEquals(List.of(List.of("flash")), plan.stages());
  }

  @Test
  void plan_ignoreGlobMatchesRuledPath_ignoreWins() {
    Planner ignoring =
        referenceWith(
            UnmatchedPolicy.ERROR, "", Glob.compile("**/*.md"), Glob.compile("packages/docs/"));

    RebuildPlan plan =
        ignoring.plan(List.of("services/flash/README.md", "packages/docs/x.ts", "README.md"));

    assertTrue(plan.isEmpty());
    assertEquals(List.of(), plan.unmatchedPaths());
  }

  @Test
  void plan_rootPrefix_pathsInsideRootMatchRelativeToIt() {
    Planner rooted = referenceWith(UnmatchedPolicy.IGNORE, "augmentos_cloud/");

    RebuildPlan plan = rooted.plan(List.of("augmentos_cloud/services/flash/a.ts"));

    assertEquals(List.of(List.of("flash")), plan.stages());
    assertEquals(
        List.of(new Reason.PathMatch("augmentos_cloud/services/flash/a.ts", "services/{name}/**")),
        plan.images().get("flash").reasons());
  }

  @Test
  void plan_rootPrefix_pathsOutsideRootMatchNothingEvenUnderError() {
    Planner rooted = referenceWith(UnmatchedPolicy.ERROR, "augmentos_cloud/");

    RebuildPlan plan =
        rooted.plan(
            List.of("services/flash/a.ts", "package.json", "augmentos_cloud_old/package.json"));

    assertTrue(plan.isEmpty());
    assertEquals(List.of(), plan.unmatchedPaths());
  }

  @Test
  void plan_chain_oneStagePerLevel() {
    // a <- b <- c
    Planner chain =
        new Planner(
            RuleSet.of(PathRule.of("a/**", "a")),
            ImageGraph.of(Image.built("c", "b"), Image.built("b", "a"), Image.built("a")));

    RebuildPlan plan = chain.plan(List.of("a/x"));

    assertEquals(List.of(List.of("a"), List.of("b"), List.of("c")), plan.stages());
    assertEquals(List.of(new Reason.BuiltFrom("b")), plan.images().get("c").reasons());
    assertEquals(3, plan.images().get("c").stage());
  }

  @Test
  void plan_chainChangedInMiddle_onlyMiddleAndBelow() {
    Planner chain =
        new Planner(
            RuleSet.of(PathRule.of("b/**", "b")),
            ImageGraph.of(Image.built("a"), Image.built("b", "a"), Image.built("c", "b")));

    RebuildPlan plan = chain.plan(List.of("b/x"));

    assertEquals(List.of(List.of("b"), List.of("c")), plan.stages());
    assertEquals(1, plan.images().get("b").stage());
  }

  @Test
  void plan_diamond_lastImageAfterBothParents() {
    //     a
    //    / \
    //   b   c
    //    \ /
    //     d
    Planner diamond =
        new Planner(
            RuleSet.of(PathRule.of("a/**", "a")),
            ImageGraph.of(
                Image.built("a"),
                Image.built("b", "a"),
                Image.built("c", "a"),
                Image.built("d", "b", "c")));

    RebuildPlan plan = diamond.plan(List.of("a/x"));

    assertEquals(List.of(List.of("a"), List.of("b", "c"), List.of("d")), plan.stages());
    assertEquals(
        List.of(new Reason.BuiltFrom("b"), new Reason.BuiltFrom("c")),
        plan.images().get("d").reasons());
  }

  @Test
  void plan_unevenPaths_stageIsLongestPath() {
    // a <- b <- c, and d built from a and c: d must wait for c (stage 4), not only a.
    Planner uneven =
        new Planner(
            RuleSet.of(PathRule.of("a/**", "a")),
            ImageGraph.of(
                Image.built("a"),
                Image.built("b", "a"),
                Image.built("c", "b"),
                Image.built("d", "a", "c")));

    RebuildPlan plan = uneven.plan(List.of("a/x"));

    assertEquals(List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d")), plan.stages());
  }

  @Test
  void plan_twoParentsOnlyOneInPlan_firstStageAndOneBuiltFrom() {
    Planner twoParents =
        new Planner(
            RuleSet.of(PathRule.of("p/**", "p"), PathRule.of("q/**", "q")),
            ImageGraph.of(Image.built("p"), Image.built("q"), Image.built("child", "p", "q")));

    RebuildPlan plan = twoParents.plan(List.of("q/x"));

    assertEquals(List.of(List.of("q"), List.of("child")), plan.stages());
    assertEquals(List.of(new Reason.BuiltFrom("q")), plan.images().get("child").reasons());
    assertFalse(plan.images().containsKey("p"));
  }

  @Test
  void plan_childChangedAndOneOfTwoParentsNot_childAlone() {
    Planner twoParents =
        new Planner(
            RuleSet.of(PathRule.of("child/**", "child")),
            ImageGraph.of(Image.built("p"), Image.built("q"), Image.built("child", "p", "q")));

    RebuildPlan plan = twoParents.plan(List.of("child/x"));

    assertEquals(List.of(List.of("child")), plan.stages());
    assertEquals(1, plan.images().get("child").stage());
  }

  @Test
  void plan_plannerReused_resultsIndependent() {
    RebuildPlan first = planner.plan(List.of("package.json"));
    RebuildPlan second = planner.plan(List.of("services/flash/a.ts"));
    RebuildPlan third = planner.plan(List.of("services/unknown/a.ts"));
    RebuildPlan fourth = planner.plan(List.of("docs/a.md"));

    assertEquals(BASE_AND_ALL_SERVICES, first.stages());
    assertEquals(List.of(List.of("flash")), second.stages());
    assertEquals(
        List.of(new Reason.PathMatch("services/flash/a.ts", "services/{name}/**")),
        second.images().get("flash").reasons());
    assertEquals(List.of(), second.warnings());
    assertEquals(1, third.warnings().size());
    assertEquals(List.of(), fourth.warnings());
    assertEquals(List.of("docs/a.md"), fourth.unmatchedPaths());
  }

  @Test
  void plan_oneRuleMapsToSeveralImages_allPlanned() {
    Planner multi =
        new Planner(
            RuleSet.of(PathRule.of("shared/**", "x", "y")),
            ImageGraph.of(Image.built("x"), Image.built("y")));

    RebuildPlan plan = multi.plan(List.of("shared/a"));

    assertEquals(List.of(List.of("x", "y")), plan.stages());
  }
}
