package dev.noodle.common.policy;

import static dev.noodle.common.policy.Results.eco;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.noodle.common.eco.EcoInstance;
import dev.noodle.common.trial.FailureType;
import dev.noodle.common.trial.TrialResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {
  private static final EcoInstance UP = eco("upsize_critical", 10);

  @Test
  void higherWnsRanksFirst() {
    assertEquals(List.of("b", "a", "c"), ranked(
        result("a", 0, 0, -200, -900, -200),
        result("b", 0, 1, -100, -5000, -100),
        result("c", 0, 2, -300, -300, -300)));
  }

  @Test
  void equalWnsIsDecidedByTns() {
    assertEquals(List.of("b", "a"), ranked(
        result("a", 0, 0, -100, -900, -100),
        result("b", 0, 1, -100, -400, -100)));
  }

  @Test
  void metTimingIsDecidedByWorstSlack() {
    assertEquals(List.of("b", "a"), ranked(
        result("a", 0, 0, 0, 0, 120),
        result("b", 0, 1, 0, 0, 997)));
  }

  @Test
  void fullTiesBreakByStageThenIndex() {
    assertEquals(List.of("s0i2", "s1i0", "s1i1"), ranked(
        result("s1i1", 1, 1, -100, -100, -100),
        result("s1i0", 1, 0, -100, -100, -100),
        result("s0i2", 0, 2, -100, -100, -100)));
  }

  @Test
  void failedTrialsAreNeverRanked() {
    TrialResult failed = Results.failed("f", "base", 0, 0, UP, FailureType.TOOL_ERROR);

    assertEquals(List.of("a"), ranked(failed, result("a", 0, 1, -900, -900, -900)));
  }

  @Test
  void topReturnsAtMostN() {
    List<TrialResult> top = Ranking.top(List.of(
        result("a", 0, 0, -300, -300, -300),
        result("b", 0, 1, -100, -100, -100),
        result("c", 0, 2, -200, -200, -200)), 2);

    assertEquals(List.of("b", "c"), top.stream().map(TrialResult::caseName).toList());
  }

  private static List<String> ranked(TrialResult... results) {
    return Ranking.top(List.of(results), results.length).stream().map(TrialResult::caseName)
        .toList();
  }

  private static TrialResult result(String name, int stage, int index, double wns, double tns,
      double worst) {
    return Results.succeeded(name, "base", stage, index, List.of(UP), wns, tns, worst);
  }
}
