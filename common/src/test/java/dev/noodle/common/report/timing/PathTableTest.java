package dev.noodle.common.report.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.report.ParseOptions;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The path table, clock sides and single values, on small reports written for the tests. */
class PathTableTest {
  private static final String EXPANDED = """
      Startpoint: r1 (rising edge-triggered flip-flop clocked by clk)
      Endpoint: r2 (falling edge-triggered flip-flop clocked by clk)
      Path Group: clk
      Path Type: max

      Fanout   Delay    Time   Description
      ---------------------------------------------------------
                0.00    0.00   clock clk (rise edge)
                0.00    0.00   clock source latency
           1    0.00    0.00 ^ clk (in)
                               clk (net)
           2    0.10    0.10 ^ cb1/Z (BUF_X4)
                               n1 (net)
                0.05    0.15 ^ r1/CK (DFF_X1)
                0.30    0.45 v r1/Q (DFF_X1)
                        0.45   data arrival time

                2.00    2.00   clock clk (fall edge)
                0.00    2.00   clock source latency
                0.00    2.00 v clk (in)
                0.10    2.10 v cb1/Z (BUF_X4)
                0.10    2.20 v cb2/Z (BUF_X4)
                0.00    2.20 v r2/CK (DFF_X1)
               -0.05    2.15   library setup time
                        2.15   data required time
      ---------------------------------------------------------
                        2.15   data required time
                       -0.45   data arrival time
      ---------------------------------------------------------
                        1.70   slack (MET)

      """;

  private static TimingReport parse(String text) throws IOException {
    return TimingReportParser.parse(new StringReader(text),
        ParseOptions.defaults().withTimeUnit("ns"));
  }

  @Test
  void readsColumnsNetLinesAndBothClockSides() throws IOException {
    TimingPath path = parse(EXPANDED).paths().get(0);

    assertEquals(List.of("Fanout", "Delay", "Time", "Description"), path.columns());
    assertEquals(2, path.netLines());
    assertEquals(new PathClock("clk", "rise", 0.0, "propagated", "clock source latency", 150.0,
        1), path.launchClock());
    assertEquals(new PathClock("clk", "fall", 2000.0, "propagated", "clock source latency",
        2200.0, 2), path.captureClock());
  }

  @Test
  void idealClockHasNoTreeAndAnOutputPortNoClockPin() throws IOException {
    TimingReport report = parse(Samples.maxPath("0.65", "MET"));
    TimingPath path = report.paths().get(0);

    assertEquals(List.of("Delay", "Time", "Description"), path.columns());
    assertEquals(0, path.netLines());
    assertEquals("ideal", path.launchClock().network());
    // r1/Q is the only row of r1: it is not taken for the clock pin.
    assertNull(path.launchClock().pinArrivalPs());
    assertNull(path.launchClock().treeLines());
    assertEquals(1000.0, path.captureClock().edgePs());
    assertNull(path.captureClock().network(), "the capture side prints no network line");
  }

  @Test
  void readsClockSkewPeriodAndOrfsScalars() throws IOException {
    String text = """
        ==========================================================================
        floorplan report_clock_min_period
        --------------------------------------------------------------------------
        clk period_min = 1.25 fmax = 800.00

        Clock clk
           0.20 source latency r1/CK ^
          -0.15 target latency r2/CK ^
           0.01 CRPR
        --------------
           0.06 hold skew

        setup violation count 3
        hold violation count 1
        ==========================================================================
        floorplan critical path slack
        --------------------------------------------------------------------------
        -0.2500
        """;
    TimingReport report = parse(text);

    assertFalse(report.partial(), report.problems().toString());
    assertEquals(1250.0, report.metrics().get("clock_period_min_ps"));
    assertEquals(800.0, report.metrics().get("fmax_mhz"));
    assertEquals(60.0, report.metrics().get("hold_clock_skew_ps"));
    assertEquals(10.0, report.metrics().get("hold_clock_skew_crpr_ps"));
    assertEquals(3L, report.metrics().get("setup_violation_count"));
    assertEquals(1L, report.metrics().get("hold_violation_count"));
    assertEquals(-250.0, report.metrics().get("critical_path_slack_ps"));
    assertFalse(report.metrics().containsKey("critical_path_delay_ps"));
  }

  @Test
  void lastLineWithoutLineEndMarksTheReportPartial() throws IOException {
    String whole = Samples.maxPath("0.40", "MET");
    TimingReport report = parse(whole + "------");

    assertTrue(report.partial());
    assertEquals(1, report.pathCount());
  }

  @Test
  void reportEndingInsideSectionHeaderIsPartial() throws IOException {
    String text = Samples.maxPath("0.40", "MET") + "=====================\n"
        + "finish report_check_types -max_slew\n";
    TimingReport report = parse(text);

    assertTrue(report.partial());
    assertTrue(report.problems().stream().anyMatch(p -> p.contains("section header")));
  }

  @Test
  void countsToolMessagesBetweenBlocks() throws IOException {
    String text = "Warning 1551: a.tcl line 1, 'u0/A' is not a valid endpoint.\n"
        + "[WARNING ORD-0011] hier\n[INFO ODB-0227] LEF\n" + Samples.maxPath("0.40", "MET");
    TimingReport report = parse(text);

    assertEquals(3, report.logLines());
    assertEquals(2, report.warningLines());
  }
}
