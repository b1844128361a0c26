package dev.noodle.common.report.timing;

import static dev.noodle.common.report.timing.Fixtures.assertPath;
import static dev.noodle.common.report.timing.PathType.MAX;
import static dev.noodle.common.report.timing.PathType.MIN;
import static dev.noodle.common.report.timing.SlackStatus.MET;
import static dev.noodle.common.report.timing.SlackStatus.UNCONSTRAINED;
import static dev.noodle.common.report.timing.SlackStatus.VIOLATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every timing value MANIFEST.md rows 1 to 7 give for the shared fixtures. */
class TimingFixturesTest {
  private static final String FF = "rising edge-triggered flip-flop clocked by core_clock";

  private static void assertClean(TimingReport report) {
    assertFalse(report.partial(), () -> "partial: " + report.problems());
    assertEquals(List.of(), report.problems());
    assertEquals("timing", report.kind());
  }

  @Test
  void readsMinAndMaxPathsWithCapAndSlewFields() throws IOException {
    TimingReport report = Fixtures.timing(Fixtures.FIELDS_MIN_MAX);

    assertClean(report);
    assertEquals(2, report.pathCount());
    assertPath(report.paths().get(0), "core_clock", MIN, "ctrl.state.out[1]$_DFF_P_", FF,
        "ctrl.state.out[1]$_DFF_P_", FF, 108.0, 2.0, 106.0, MET);
    assertPath(report.paths().get(1), "core_clock", MAX, "dpath.b_reg.out[11]$_DFFE_PP_", FF,
        "resp_msg[15]", "output port clocked by core_clock", 348.0, 368.0, 20.0, MET);
    Map<String, Object> metrics = new HashMap<>(report.metrics());
    assertEquals(0, metrics.remove("timing_log_lines"));
    assertEquals(0, metrics.remove("timing_warning_lines"));
    assertEquals(Map.of("timing_paths", 2, "no_paths_found", 0, "unconstrained_paths", 0,
        "setup_violating_paths", 0, "hold_violating_paths", 0, "setup_worst_slack_ps", 20.0,
        "hold_worst_slack_ps", 106.0, "setup_paths_tns_ps", 0.0, "hold_paths_tns_ps", 0.0),
        metrics);
    assertEquals("ns", report.timeUnit());
  }

  @Test
  void readsOrfsFinishReportSections() throws IOException {
    TimingReport report = Fixtures.timing(Fixtures.ORFS_FINISH);

    assertClean(report);
    assertEquals(5, report.pathCount());
    List<TimingPath> paths = report.paths();
    assertPath(paths.get(0), "core_clock", MIN, "req_msg[30]", "input port clocked by core_clock",
        "dpath.a_reg.out[14]$_DFFE_PP_", FF, 720.0, 130.0, 590.0, MET);
    String outPort = "output port clocked by core_clock";
    for (int i : new int[] {1, 2}) {
      // Path 3 is the -unconstrained section, which repeats path 2.
      assertPath(paths.get(i), "core_clock", MAX, "dpath.b_reg.out[5]$_DFFE_PP_", FF,
          "resp_msg[15]", outPort, 2420.0, 880.0, -1540.0, VIOLATED);
    }
    assertPath(paths.get(3), "core_clock", MAX, "dpath.b_reg.out[5]$_DFFE_PP_", FF,
        "dpath.a_reg.out[11]$_DFFE_PP_", FF, 2580.0, 1140.0, -1440.0, VIOLATED);
    // Printed 0.60 although 0.18 - 0.79 gives 0.61: the printed slack wins.
    assertPath(paths.get(4), "core_clock", MIN, "dpath.a_reg.out[0]$_DFFE_PP_", FF,
        "dpath.b_reg.out[0]$_DFFE_PP_", FF, 790.0, 180.0, 600.0, MET);
    assertEquals(-1540.0, report.setupWorstSlackPs());
    assertEquals(590.0, report.holdWorstSlackPs());
    assertEquals(3, report.setupViolatingPaths());
    assertEquals(0, report.holdViolatingPaths());
    assertEquals(0, report.unconstrainedPaths());
  }

  @Test
  void readsSummaryLinesOfOrfsFinishReport() throws IOException {
    SlackSummary summary = Fixtures.summary(Fixtures.ORFS_FINISH);

    assertFalse(summary.partial());
    assertEquals(List.of(), summary.problems());
    assertEquals(Map.of("tns_ps", -68820.0, "wns_ps", -1540.0, "worst_slack_ps", -1540.0),
        summary.metrics());
    assertEquals(3, summary.history().size());
  }

  @Test
  void readsTwoPathGroupsWithNetLines() throws IOException {
    TimingReport report = Fixtures.timing(Fixtures.TWO_GROUPS);

    assertClean(report);
    assertEquals(2, report.pathCount());
    for (int i = 0; i < 2; i++) {
      String clock = "clk" + (i + 1);
      String reg = "U" + (i + 2) + "/_66_";
      String desc = "rising edge-triggered flip-flop clocked by " + clock;
      assertPath(report.paths().get(i), clock, MIN, reg, desc, reg, desc, 90.0, 0.0, 90.0, MET);
    }
    assertEquals(90.0, report.holdWorstSlackPs());
    assertNull(report.setupWorstSlackPs());
    assertFalse(report.metrics().containsKey("setup_worst_slack_ps"));
    assertEquals(0, report.holdViolatingPaths());
  }

  @Test
  void readsPropagatedClockExpandedThroughBuffers() throws IOException {
    TimingReport report = Fixtures.timing(Fixtures.CLOCK_EXPANDED);

    assertClean(report);
    assertEquals(2, report.pathCount());
    String desc = "rising edge-triggered flip-flop clocked by clk";
    assertPath(report.paths().get(0), "clk", MAX, "inst_1_1", desc, "inst_2_1", desc, 1400.0,
        6110.0, 4710.0, MET);
    // Printed 4.76 although 6.13 - 1.38 gives 4.75: the printed slack wins.
    assertPath(report.paths().get(1), "clk", MAX, "inst_2_1", desc, "inst_1_1", desc, 1380.0,
        6130.0, 4760.0, MET);
    assertEquals(4710.0, report.setupWorstSlackPs());
    assertEquals(0, report.setupViolatingPaths());
  }

  @Test
  void readsNoPathsFoundAsEmptyResultBetweenPaths() throws IOException {
    TimingReport report = Fixtures.timing(Fixtures.NO_PATHS);

    assertClean(report);
    assertEquals(2, report.pathCount());
    assertEquals(1, report.noPathsFound());
    for (TimingPath path : report.paths()) {
      assertPath(path, "clk", MAX, "data_in[1]", "input port clocked by clk", "u1",
          "falling edge-triggered data to data check clocked by clk", 510.0, 740.0, 230.0, MET);
    }
    assertEquals(230.0, report.setupWorstSlackPs());
    assertEquals(1, report.metrics().get("no_paths_found"));
    assertEquals("ps", report.timeUnit());
  }

  @Test
  void leavesSlackOfUnconstrainedPathsAbsent() throws IOException {
    TimingReport report = Fixtures.timing(Fixtures.UNCONSTRAINED);

    assertClean(report);
    assertEquals(2, report.pathCount());
    assertPath(report.paths().get(0), "unconstrained", MAX, "in1", "input port", "out1",
        "output port", 90.0, null, null, UNCONSTRAINED);
    assertPath(report.paths().get(1), "unconstrained", MAX, "in1", "input port", "out1",
        "output port", 0.0, null, null, UNCONSTRAINED);
    assertEquals(2, report.unconstrainedPaths());
    assertEquals(0, report.setupViolatingPaths());
    assertNull(report.setupWorstSlackPs());
    assertFalse(report.metrics().containsKey("setup_worst_slack_ps"));
  }

  @Test
  void takesFinalValuesAfterRepairAndSkipsDecoys() throws IOException {
    SlackSummary summary = Fixtures.summary(Fixtures.REPAIR_SETUP);

    assertFalse(summary.partial());
    assertEquals(List.of(), summary.problems());
    assertEquals(Map.of("worst_slack_ps", -360.0, "tns_ps", -2054.0), summary.metrics());
    assertEquals(List.of(-1950.0, -6294.0, -360.0, -2054.0),
        summary.history().stream().map(SlackReading::valuePs).toList());
    assertEquals(List.of("worst_slack_ps", "tns_ps", "worst_slack_ps", "tns_ps"),
        summary.history().stream().map(SlackReading::metric).toList());
  }

  @Test
  void summaryFileHoldsNoPathsAndPathFilesNoSummary() throws IOException {
    TimingReport paths = Fixtures.timing(Fixtures.REPAIR_SETUP);
    assertEquals(0, paths.pathCount());
    assertTrue(paths.metrics().isEmpty());
    assertFalse(paths.problems().isEmpty());

    for (String name : List.of(Fixtures.FIELDS_MIN_MAX, Fixtures.TWO_GROUPS,
        Fixtures.CLOCK_EXPANDED, Fixtures.NO_PATHS, Fixtures.UNCONSTRAINED)) {
      SlackSummary summary = Fixtures.summary(name);
      assertTrue(summary.metrics().isEmpty(), name);
      assertEquals(0, summary.readings(), name);
    }
  }

  @Test
  void recognisesEachFixtureKind() throws IOException {
    for (String name : List.of(Fixtures.FIELDS_MIN_MAX, Fixtures.ORFS_FINISH,
        Fixtures.TWO_GROUPS, Fixtures.CLOCK_EXPANDED, Fixtures.NO_PATHS,
        Fixtures.UNCONSTRAINED)) {
      assertTrue(TimingReportParser.looksLike(Fixtures.text(name)), name);
    }
    String repair = Fixtures.text(Fixtures.REPAIR_SETUP);
    assertFalse(TimingReportParser.looksLike(repair));
    assertTrue(SlackSummaryParser.looksLike(repair));
    assertTrue(SlackSummaryParser.looksLike(Fixtures.text(Fixtures.ORFS_FINISH)));
    assertFalse(SlackSummaryParser.looksLike(Fixtures.text(Fixtures.FIELDS_MIN_MAX)));
  }
}
