package dev.noodle.common.report.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The path tables, clock sides and single values MANIFEST.md rows 1 to 5 give: what the
 * columns are, where the clock edges are, how long the clock tree is, and the ORFS scalars.
 */
class TimingFixtureTablesTest {
  private static final List<String> CAP_SLEW = List.of("Cap", "Slew", "Delay", "Time",
      "Description");
  private static final List<String> ALL_FIELDS = List.of("Fanout", "Cap", "Slew", "Delay",
      "Time", "Description");

  @Test
  void capSlewReportHasIdealClocksAndCaptureEdgeAt460Ps() throws IOException {
    TimingReport report = Fixtures.timing(Fixtures.FIELDS_MIN_MAX);

    for (TimingPath path : report.paths()) {
      assertEquals(CAP_SLEW, path.columns());
      assertEquals(0, path.netLines());
      assertEquals("ideal", path.launchClock().network());
      assertEquals("ideal", path.captureClock().network());
      assertEquals("clock network delay (ideal)", path.captureClock().networkLine());
      assertEquals("core_clock", path.captureClock().clock());
      assertEquals("rise", path.captureClock().edge());
    }
    TimingPath max = report.paths().get(1);
    assertEquals(460.0, max.captureClock().edgePs());
    assertEquals(0.0, max.launchClock().edgePs());
    assertEquals(0.0, max.launchClock().pinArrivalPs());
    assertEquals(0, max.launchClock().treeLines());
    // The endpoint is an output port: no clock pin on the capture side.
    assertNull(max.captureClock().pinArrivalPs());
    assertEquals(0.0, report.paths().get(0).captureClock().edgePs());
    assertEquals(0.0, report.metrics().get("setup_paths_tns_ps"));
    assertEquals(0, report.setupViolatingPaths() + report.holdViolatingPaths());
  }

  @Test
  void finishReportScalarsAreRead() throws IOException {
    TimingReport report = Fixtures.timing(Fixtures.ORFS_FINISH);
    Map<String, Object> m = report.metrics();

    assertEquals(68L, m.get("setup_violation_count"));
    assertEquals(0L, m.get("hold_violation_count"));
    assertEquals(2640.0, m.get("clock_period_min_ps"));
    assertEquals(378.31, m.get("fmax_mhz"));
    assertEquals("core_clock", report.scalars().periodClock());
    assertEquals(10.0, m.get("clock_skew_ps"));
    assertEquals(290.0, m.get("clock_skew_source_latency_ps"));
    assertEquals(-280.0, m.get("clock_skew_target_latency_ps"));
    assertEquals(0.0, m.get("clock_skew_crpr_ps"));
    assertEquals(2423.3, m.get("critical_path_delay_ps"));
    assertEquals(-1543.3, m.get("critical_path_slack_ps"));
    // Paths 2, 3 and 4 violate: -1.54 twice (the unconstrained section repeats it), -1.44.
    assertEquals(-4520.0, m.get("setup_paths_tns_ps"));
  }

  @Test
  void finishReportCutInsideASeparatorLineIsPartial() throws IOException {
    String text = Fixtures.text(Fixtures.ORFS_FINISH);
    TimingReport report = TimingReportParser.parse(new StringReader(text.substring(0, 13408)),
        Fixtures.options(Fixtures.ORFS_FINISH));

    assertTrue(report.partial());
    assertEquals(3, report.pathCount());
    assertFalse(report.problems().isEmpty());
  }

  @Test
  void finishReportPathsShowAllFieldsAndPropagatedClocks() throws IOException {
    TimingReport report = Fixtures.timing(Fixtures.ORFS_FINISH);

    List<TimingPath> paths = report.paths();
    for (int i = 0; i < paths.size(); i++) {
      TimingPath path = paths.get(i);
      // The reg-to-reg sections (paths 4 and 5) are printed without -fields.
      assertEquals(i < 3 ? ALL_FIELDS : List.of("Delay", "Time", "Description"),
          path.columns(), "path " + (i + 1));
      assertEquals("propagated", path.launchClock().network());
      assertEquals("propagated", path.captureClock().network());
    }
    assertEquals("clock network delay (propagated)",
        report.paths().get(0).launchClock().networkLine());
    assertEquals("clock source latency", report.paths().get(1).launchClock().networkLine());
    assertEquals(2, paths.get(3).launchClock().treeLines());
    assertEquals(290.0, paths.get(3).launchClock().pinArrivalPs());
    assertTrue(paths.get(0).netLines() > 0, "the -fields sections print net lines");
  }

  @Test
  void twoGroupReportHasThreeNetLinesPerPathAndIdealClocks() throws IOException {
    String text = Fixtures.text(Fixtures.TWO_GROUPS);
    TimingReport report = Fixtures.timing(Fixtures.TWO_GROUPS);

    assertEquals(List.of("clk1", "clk2"), report.paths().stream().map(TimingPath::group)
        .toList());
    for (TimingPath path : report.paths()) {
      assertEquals(ALL_FIELDS, path.columns());
      assertEquals(3, path.netLines());
      assertEquals("clock network delay (ideal)", path.launchClock().networkLine());
      assertEquals("clock network delay (ideal)", path.captureClock().networkLine());
      assertEquals("ideal", path.captureClock().network());
      assertEquals(0, path.launchClock().treeLines());
    }
    assertEquals(6, report.paths().stream().mapToInt(TimingPath::netLines).sum());
    // [INFO ODB-0227] and [WARNING ORD-0011] come before the report.
    assertEquals(2, report.logLines());
    assertEquals(1, report.warningLines());
    assertEquals(0, report.setupViolatingPaths() + report.holdViolatingPaths());
    // "No differences found." after the report is passed over: without it nothing changes.
    assertEquals(1, text.split("No differences found\\.", -1).length - 1);
    TimingReport without = TimingReportParser.parse(new StringReader(
        text.replace("No differences found.\n", "")), Fixtures.options(Fixtures.TWO_GROUPS));
    assertEquals(report.paths(), without.paths());
    assertEquals(report.problems(), without.problems());
  }

  @Test
  void expandedClockTreeHas28LinesPerSideAndSourceLatency() throws IOException {
    TimingReport report = Fixtures.timing(Fixtures.CLOCK_EXPANDED);

    TimingPath first = report.paths().get(0);
    assertEquals(1180.0, first.launchClock().pinArrivalPs());
    assertEquals(6160.0, first.captureClock().pinArrivalPs());
    assertEquals(5000.0, first.captureClock().edgePs());
    assertEquals(0.0, first.launchClock().edgePs());
    for (TimingPath path : report.paths()) {
      assertEquals(28, path.launchClock().treeLines());
      assertEquals(28, path.captureClock().treeLines());
      assertEquals("clock source latency", path.launchClock().networkLine());
      assertEquals("clock source latency", path.captureClock().networkLine());
      assertEquals("propagated", path.launchClock().network());
    }
    List<ClockSkew> skews = report.scalars().clockSkews();
    assertEquals(List.of(new ClockSkew("clk", "setup", 1190.0, "inst_12_3/clk ^", -1290.0,
        "inst_13_3/clk ^", 0.0, -100.0)), skews);
    assertEquals(-100.0, report.metrics().get("clock_skew_ps"));
    assertEquals(0, report.setupViolatingPaths());
  }

  @Test
  void noPathsReportCapturesOnTheFallEdgeAfterFourWarnings() throws IOException {
    TimingReport report = Fixtures.timing(Fixtures.NO_PATHS);

    for (TimingPath path : report.paths()) {
      assertEquals("fall", path.captureClock().edge());
      assertEquals(750_000.0 / 1000, path.captureClock().edgePs());
      assertEquals("rise", path.launchClock().edge());
      assertEquals(500.0, path.launchClock().edgePs());
      assertEquals(List.of("Delay", "Time", "Description"), path.columns());
    }
    assertEquals(4, report.warningLines());
    assertEquals(4, report.logLines());
    assertFalse(report.partial());
  }
}
