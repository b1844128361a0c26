package dev.noodle.common.policy;

import static dev.noodle.common.policy.Results.eco;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.eco.EcoCatalog;
import dev.noodle.common.eco.EcoInstance;
import dev.noodle.common.trial.FailureType;
import dev.noodle.common.trial.TrialResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EcoLeaderboardTest {
  private static final EcoInstance UP = eco("upsize_critical", 10);
  private static final EcoInstance BUF = eco("buffer_fanout", 8);
  private static final TrialResult BASE = Results.base("mac", -500);

  @Test
  void countsAndGainsAreMeasuredAgainstEachTrialsParent() {
    EcoStanding up = standing(board(
        ok("mac_0_0", "mac", 0, UP, -400),
        ok("mac_0_1", "mac", 1, UP, -450),
        ok("mac_1_0", "mac_0_0", 0, UP, -430)), "upsize_critical");

    assertEquals(3, up.trials());
    assertEquals(3, up.succeeded());
    assertEquals(0, up.failed());
    assertEquals(2, up.improved());
    assertEquals(1, up.regressed());
    assertEquals(100.0, up.bestGainPs());
    assertEquals(40.0, up.meanGainPs(), 1e-9);
    assertEquals("mac_0_0", up.bestCase());
    assertEquals("topology_neutral", up.ecoClass());
  }

  @Test
  void baseCaseIsNotAnEcoTrial() {
    EcoLeaderboard board = board(ok("mac_0_0", "mac", 0, BUF, -400));

    assertEquals(List.of("buffer_fanout"),
        board.rows().stream().map(EcoStanding::eco).toList());
  }

  @Test
  void priorIsUnknownWithFewerThanTwoTrials() {
    assertEquals(Prior.UNKNOWN, standing(board(ok("mac_0_0", "mac", 0, UP, -400)),
        "upsize_critical").prior());
  }

  @Test
  void priorIsTrustedWhenNeverFailedAndMostlyImproving() {
    assertEquals(Prior.TRUSTED, standing(board(
        ok("mac_0_0", "mac", 0, UP, -400),
        ok("mac_0_1", "mac", 1, UP, -600)), "upsize_critical").prior());
  }

  @Test
  void priorIsMixedWhenImprovingRarely() {
    assertEquals(Prior.MIXED, standing(board(
        ok("mac_0_0", "mac", 0, UP, -400),
        ok("mac_0_1", "mac", 1, UP, -600),
        ok("mac_0_2", "mac", 2, UP, -510)), "upsize_critical").prior());
  }

  @Test
  void priorIsMixedAfterAFailureAmongSuccesses() {
    assertEquals(Prior.MIXED, standing(board(
        ok("mac_0_0", "mac", 0, UP, -400),
        ok("mac_0_1", "mac", 1, UP, -300),
        failed("mac_0_2", 2, UP, FailureType.TOOL_ERROR)), "upsize_critical").prior());
  }

  @Test
  void priorIsSuspiciousWhenHalfTheTrialsFail() {
    EcoStanding up = standing(board(
        ok("mac_0_0", "mac", 0, UP, -400),
        failed("mac_0_1", 1, UP, FailureType.TIMEOUT)), "upsize_critical");

    assertEquals(Prior.SUSPICIOUS, up.prior());
    assertFalse(up.quarantined());
  }

  @Test
  void ecoIsQuarantinedAfterMaxFailures() {
    List<TrialResult> results = new ArrayList<>(List.of(
        failed("mac_0_0", 0, UP, FailureType.TOOL_ERROR),
        failed("mac_0_1", 1, UP, FailureType.TOOL_CRASH),
        ok("mac_0_2", "mac", 2, BUF, -400)));

    EcoLeaderboard twoFailures = board(results);
    results.add(failed("mac_0_3", 3, UP, FailureType.MISSING_OUTPUT));
    EcoLeaderboard threeFailures = board(results);

    assertEquals(Set.of(), twoFailures.quarantined());
    assertEquals(Set.of("upsize_critical"), threeFailures.quarantined());
    EcoStanding up = standing(threeFailures, "upsize_critical");
    assertTrue(up.quarantined());
    assertEquals(Prior.SUSPICIOUS, up.prior());
    assertEquals(3, up.failed());
    assertNull(up.bestGainPs());
    assertNull(up.meanGainPs());
  }

  @Test
  void oomCrashAndTimeoutInContainersCountAgainstTheEco() {
    EcoStanding up = standing(board(
        failed("mac_0_0", 0, UP, FailureType.OOM),
        failed("mac_0_1", 1, UP, FailureType.TOOL_CRASH),
        failed("mac_0_2", 2, UP, FailureType.TIMEOUT)), "upsize_critical");

    assertEquals(3, up.failed());
    assertTrue(up.quarantined());
    assertEquals(Prior.SUSPICIOUS, up.prior());
  }

  @Test
  void infrastructureFailuresDoNotCountAgainstTheEco() {
    EcoStanding up = standing(board(
        failed("mac_0_0", 0, UP, FailureType.INFRASTRUCTURE),
        failed("mac_0_1", 1, UP, FailureType.INFRASTRUCTURE),
        failed("mac_0_2", 2, UP, FailureType.INFRASTRUCTURE)), "upsize_critical");

    assertEquals(3, up.trials());
    assertEquals(0, up.failed());
    assertFalse(up.quarantined());
    assertEquals(Prior.UNKNOWN, up.prior());
  }

  @Test
  void meanGainCountsOnlyTrialsWhoseParentIsKnown() {
    // mac_1_0 builds on a case missing from the results, so it has no gain to average.
    EcoStanding up = standing(board(
        ok("mac_0_1", "mac", 1, UP, -450),
        ok("mac_1_0", "mac_0_9", 0, UP, -100)), "upsize_critical");

    assertEquals(2, up.succeeded());
    assertEquals(50.0, up.meanGainPs(), 1e-9);
  }

  @Test
  void rowsRunFromBestGainToNoGain() {
    EcoLeaderboard board = board(
        ok("mac_0_0", "mac", 0, BUF, -600),
        failed("mac_0_1", 1, eco("swap_vt"), FailureType.TOOL_ERROR),
        ok("mac_0_2", "mac", 2, UP, -400));

    assertEquals(List.of("upsize_critical", "buffer_fanout", "swap_vt"),
        board.rows().stream().map(EcoStanding::eco).toList());
    assertEquals("unknown", standing(board, "swap_vt").ecoClass());
  }

  @Test
  void csvHasAHeaderAndOneRowPerEco() {
    EcoLeaderboard board = board(
        ok("mac_0_0", "mac", 0, UP, -400),
        ok("mac_0_1", "mac", 1, UP, -450),
        ok("mac_0_2", "mac", 2, BUF, -600),
        failed("mac_0_3", 3, BUF, FailureType.TOOL_ERROR));

    assertEquals("""
        eco,eco_class,trials,succeeded,failed,improved,regressed,best_gain_ps,mean_gain_ps,\
        best_case,prior,quarantined
        upsize_critical,topology_neutral,2,2,0,2,0,100.0,75.0,mac_0_0,trusted,false
        buffer_fanout,placement_local,2,1,1,0,1,-100.0,-100.0,mac_0_2,suspicious,false
        """, board.toCsv());
  }

  private static EcoLeaderboard board(TrialResult... trials) {
    return board(List.of(trials));
  }

  private static EcoLeaderboard board(List<TrialResult> trials) {
    List<TrialResult> all = new ArrayList<>(trials);
    all.add(0, BASE);
    return EcoLeaderboard.of(all, EcoCatalog.builtin(), 3);
  }

  private static EcoStanding standing(EcoLeaderboard board, String eco) {
    return board.rows().stream().filter(s -> s.eco().equals(eco)).findFirst().orElseThrow();
  }

  private static TrialResult ok(String name, String parent, int index, EcoInstance eco,
      double wns) {
    int stage = Integer.parseInt(name.split("_")[1]);
    return Results.succeeded(name, parent, stage, index, eco, wns);
  }

  private static TrialResult failed(String name, int index, EcoInstance eco, FailureType type) {
    return Results.failed(name, "mac", 0, index, eco, type);
  }
}
