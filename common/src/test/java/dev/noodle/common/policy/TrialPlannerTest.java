package dev.noodle.common.policy;

import static dev.noodle.common.policy.Results.eco;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.eco.EcoCatalog;
import dev.noodle.common.eco.EcoClass;
import dev.noodle.common.eco.EcoInstance;
import dev.noodle.common.study.Stage;
import dev.noodle.common.trial.TrialResult;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrialPlannerTest {
  private static final EcoInstance UP_10 = eco("upsize_critical", 10);
  private static final EcoInstance UP_50 = eco("upsize_critical", 50);
  private static final EcoInstance BUF_8 = eco("buffer_fanout", 8);
  private static final EcoInstance BUF_16 = eco("buffer_fanout", 16);
  private static final List<EcoInstance> CANDIDATES = List.of(UP_10, UP_50, BUF_8, BUF_16);

  @Test
  void baseCaseRunsTheNoopOnTheSnapshot() {
    PlannedTrial base = TrialPlanner.base("mac");

    assertEquals(new PlannedTrial("mac", null, -1, 0, List.of(EcoCatalog.noopInstance())), base);
  }

  @Test
  void derivedCasesAreNamedBaseStageIndex() {
    List<PlannedTrial> plan = TrialPlanner.plan("mac", stage(2, 3, CANDIDATES),
        List.of(Results.base("mac", -500)), Set.of());

    assertEquals(List.of("mac_2_0", "mac_2_1", "mac_2_2"),
        plan.stream().map(PlannedTrial::caseName).toList());
    assertEquals(List.of(0, 1, 2), plan.stream().map(PlannedTrial::index).toList());
    assertTrue(plan.stream().allMatch(t -> t.stage() == 2 && t.parentCase().equals("mac")));
  }

  @Test
  void planIsTheSameEveryTime() {
    List<TrialResult> parents = parents(3);

    assertEquals(TrialPlanner.plan("mac", stage(1, 7, CANDIDATES), parents, Set.of()),
        TrialPlanner.plan("mac", stage(1, 7, CANDIDATES), parents, Set.of()));
  }

  @Test
  void chainIsTheParentsChainWithoutNoopPlusTheEco() {
    TrialResult base = Results.base("mac", -500);
    TrialResult derived = Results.succeeded("mac_0_3", "mac", 0, 3,
        List.of(UP_50), -300, -3000, -300);

    List<PlannedTrial> plan = TrialPlanner.plan("mac", stage(1, 2, List.of(BUF_8)),
        List.of(base, derived), Set.of());

    assertEquals(List.of(BUF_8), plan.get(0).chain());
    assertEquals(List.of(UP_50, BUF_8), plan.get(1).chain());
    assertEquals("mac_0_3", plan.get(1).parentCase());
  }

  @Test
  void everyParentGetsATrialWhenBudgetCoversTheParents() {
    List<TrialResult> parents = parents(3);

    Map<String, Long> perParent = TrialPlanner.plan("mac", stage(1, 3, CANDIDATES), parents,
        Set.of()).stream().collect(Collectors.groupingBy(PlannedTrial::parentCase,
            Collectors.counting()));
    Map<String, Long> perParentOf5 = TrialPlanner.plan("mac", stage(1, 5, CANDIDATES), parents,
        Set.of()).stream().collect(Collectors.groupingBy(PlannedTrial::parentCase,
            Collectors.counting()));

    assertEquals(Map.of("p0", 1L, "p1", 1L, "p2", 1L), perParent);
    assertEquals(Map.of("p0", 2L, "p1", 2L, "p2", 1L), perParentOf5);
  }

  @Test
  void parentsOfOneRoundGetDifferentEcos() {
    List<PlannedTrial> plan = TrialPlanner.plan("mac", stage(1, 3, CANDIDATES), parents(3),
        Set.of());

    assertEquals(List.of(UP_10, UP_50, BUF_8), plan.stream().map(TrialPlannerTest::last).toList());
  }

  @Test
  void fullBudgetTriesEveryParentEcoPairExactlyOnce() {
    List<PlannedTrial> plan = TrialPlanner.plan("mac", stage(1, 12, CANDIDATES), parents(3),
        Set.of());

    Set<String> pairs = new HashSet<>();
    for (PlannedTrial t : plan) {
      assertTrue(pairs.add(t.parentCase() + "+" + last(t).label()), "repeated " + t);
    }
    assertEquals(12, pairs.size());
  }

  @Test
  void budgetIsCappedAtParentsTimesCandidates() {
    List<PlannedTrial> plan = TrialPlanner.plan("mac", stage(1, 100, CANDIDATES), parents(2),
        Set.of());

    assertEquals(8, plan.size());
    assertEquals(8, plan.stream().map(t -> t.parentCase() + "+" + last(t).label())
        .distinct().count());
  }

  @Test
  void quarantinedEcosAreSkipped() {
    List<PlannedTrial> plan = TrialPlanner.plan("mac", stage(1, 100, CANDIDATES), parents(2),
        Set.of("buffer_fanout"));

    assertEquals(4, plan.size());
    assertTrue(plan.stream().allMatch(t -> last(t).eco().equals("upsize_critical")), "" + plan);
  }

  @Test
  void nothingIsPlannedWithoutParentsOrCandidates() {
    assertEquals(List.of(), TrialPlanner.plan("mac", stage(1, 5, CANDIDATES), List.of(),
        Set.of()));
    assertEquals(List.of(), TrialPlanner.plan("mac", stage(1, 5, CANDIDATES), parents(2),
        Set.of("upsize_critical", "buffer_fanout")));
  }

  @Test
  void caseNamesRejectNegativePositions() {
    assertEquals("mac_0_0", CaseNames.derived("mac", 0, 0));
    assertThrows(IllegalArgumentException.class, () -> CaseNames.derived("mac", -1, 0));
    assertThrows(IllegalArgumentException.class, () -> CaseNames.derived("mac", 0, -1));
  }

  private static EcoInstance last(PlannedTrial trial) {
    return trial.chain().get(trial.chain().size() - 1);
  }

  private static List<TrialResult> parents(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> Results.succeeded("p" + i, "mac", 0, i, List.of(UP_10), -100 * i,
            -1000 * i, -100 * i))
        .toList();
  }

  private static Stage stage(int index, int budget, List<EcoInstance> candidates) {
    return new Stage(index, "stage" + index, budget, 1, Set.of(EcoClass.TOPOLOGY_NEUTRAL),
        candidates, new Stage.AbortRules(0.5, -1, false));
  }
}
