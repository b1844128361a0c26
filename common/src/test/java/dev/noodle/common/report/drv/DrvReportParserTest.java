package dev.noodle.common.report.drv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.report.ParseOptions;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class DrvReportParserTest {
  private static DrvReport parse(String text, String unit) throws IOException {
    return DrvReportParser.parse(new StringReader(text),
        ParseOptions.defaults().withTimeUnit(unit));
  }

  @Test
  void olderOpenStaTransitionFormIsSlew() throws IOException {
    DrvReport r = parse("""
        max_transition

        Pin                                    Limit   Trans   Slack
        ------------------------------------------------------------
        u1/Z                                    0.10    0.30   -0.20 (VIOLATED)

        max_transition

        Pin u1/Z r
        max_transition     0.10
        transition_time    0.30
        -------------------------
        Slack          -0.20 (VIOLATED)

        """, "ns");

    assertFalse(r.partial(), r.problems().toString());
    assertEquals(2, r.sections("max_slew").size());
    assertEquals(new DrvRow("u1/Z", 0.1, 0.3, -0.2, true, 13), r.sections().get(1).rows().get(0));
    assertEquals(-200.0, r.metrics().get("drv_max_slew_worst_slack_ps"));
  }

  @Test
  void negativeZeroCountsOnlyWhenTaggedViolated() throws IOException {
    DrvReport r = parse("""
        max capacitance

        Pin                                    Limit     Cap   Slack
        ------------------------------------------------------------
        a/Z                                     1.00    1.00   -0.00 (VIOLATED)
        b/Z                                     1.00    1.00   -0.00 (MET)
        """, null);

    assertEquals(1L, r.metrics().get("drv_max_capacitance_count"));
    assertEquals(-0.0, r.metrics().get("drv_max_capacitance_worst_slack"));
  }

  @Test
  void decoysAreNotRead() throws IOException {
    DrvReport r = parse("""
        Iteration |   Area    | Resized | Buffers | Nets repaired | Remaining
        ---------------------------------------------------------------------
                0 |     +0.0% |       0 |       0 |             0 |        23
        [INFO RSZ-0034] Found 1 slew violations.
        [INFO RSZ-0035] Found 2 fanout violations.
        """, "ns");

    assertTrue(r.metrics().isEmpty());
    assertEquals("No report_check_types output found", r.problems().get(0));
  }

  @Test
  void slewSlackWithoutTimeUnitIsLeftOutWithAProblem() throws IOException {
    DrvReport r = parse("""
        max slew

        Pin                                    Limit    Slew   Slack
        ------------------------------------------------------------
        a/Z                                     0.10    0.20   -0.10 (VIOLATED)
        """, null);

    assertEquals(1L, r.metrics().get("drv_max_slew_count"));
    assertNull(r.metrics().get("drv_max_slew_worst_slack_ps"));
    assertTrue(r.problems().get(0).contains("time unit is unknown"));
  }

  @Test
  void reportUnitsLineGivesTheTimeUnit() throws IOException {
    DrvReport r = parse("""
         time 1ps
        max slew

        Pin u1/A ^
        max slew    5.00
        slew        7.50
        ----------------
        Slack      -2.50 (VIOLATED)

        """, null);

    assertEquals(-2.5, r.metrics().get("drv_max_slew_worst_slack_ps"));
  }

  @Test
  void verboseBlockCutBeforeItsSlackIsPartialAndNotCounted() throws IOException {
    DrvReport r = parse("max fanout\n\nPin u1/Z  \nmax fanout      1\nfanout          1", null);

    assertTrue(r.partial());
    assertNull(r.metrics().get("drv_max_fanout_count"));
  }

  @Test
  void countLineWithoutLineEndMayBeCut() throws IOException {
    DrvReport r = parse("max slew violation count 1", null);

    assertTrue(r.partial());
    assertNull(r.metrics().get("drv_max_slew_count"));
    assertEquals(1L, parse("max slew violation count 1\n", null).metrics()
        .get("drv_max_slew_count"));
  }

  @Test
  void emptyViolatorsRunMeansNoViolators() throws IOException {
    DrvReport r = parse("""
        max slew

        Pin                                    Limit    Slew   Slack
        ------------------------------------------------------------
        a/Z                                     0.10    0.20   -0.10 (VIOLATED)

        finish report_check_types -max_slew -violators
        ---------------------------------------------
        """, "ns");

    assertEquals(0L, r.metrics().get("drv_max_slew_count"));
    assertEquals("empty violators report", r.checks().get("max_slew").source());
    assertNull(r.metrics().get("drv_max_slew_worst_slack_ps"));
  }

  @Test
  void rowsBeyondTheCapAreCountedButNotKept() throws IOException {
    StringBuilder text = new StringBuilder("max fanout\n\nPin  Limit Fanout  Slack\n-----\n");
    int rows = DrvReportParser.MAX_ROWS + 5;
    for (int i = 0; i < rows; i++) {
      text.append("p").append(i).append("/Z  1  3  -2 (VIOLATED)\n");
    }
    DrvReport r = parse(text.toString(), null);

    assertTrue(r.partial());
    assertEquals((long) rows, r.metrics().get("drv_max_fanout_count"));
    assertEquals(DrvReportParser.MAX_ROWS, r.sections().get(0).rows().size());
  }

  @Test
  void looksLikeCheckTypes() {
    assertTrue(DrvReportParser.looksLike("max slew\n\nPin        Limit    Slew   Slack\n"));
    assertTrue(DrvReportParser.looksLike("max fanout\n\nPin inv2/ZN  \nmax fanout 1\n"));
    assertFalse(DrvReportParser.looksLike("[INFO RSZ-0034] Found 1 slew violations.\n"));
  }

  @Test
  void readsPulseWidthTableWithHighAndLowPins() throws IOException {
    String text = """
                                             Required  Actual
        Pin                                    Width   Width   Slack
        ------------------------------------------------------------
        r1/CK (high)                            1.00    0.20   -0.80 (VIOLATED)
        r1/CK (low)                             0.10    0.20    0.10 (MET)
        """;
    DrvReport r = parse(text, "ns");

    assertFalse(r.partial(), r.problems().toString());
    assertEquals(1L, r.metrics().get("drv_min_pulse_width_count"));
    assertEquals(-800.0, r.metrics().get("drv_min_pulse_width_worst_slack_ps"));
    assertEquals("r1/CK (low)", r.sections().get(0).rows().get(1).pin());
  }

  @Test
  void readsTheLastGroupSlackTable() throws IOException {
    String text = "Group                                  Slack\n"
        + "--------------------------------------------\n"
        + "clk                                    -0.50\n"
        + "io                                      0.25\n\n";
    DrvReport r = parse(text + text.replace("-0.50", "-0.40"), "ns");

    assertEquals(2, r.groupSlacks().size());
    assertEquals(-400.0, r.metrics().get("drv_group_worst_slack_ps"));
    assertEquals("io", r.groupSlacks().get(1).group());
  }

  @Test
  void rowCutWithoutLineEndIsNotReadAndMarksPartial() throws IOException {
    String text = """
        max slew

        Pin                                    Limit    Slew   Slack
        ------------------------------------------------------------
        a/Z                                     0.00    0.01   -0.01 (VIOLATED)
        b/Z                                     0.00    0.01   -0.0""";
    DrvReport r = parse(text, "ns");

    assertTrue(r.partial());
    assertEquals(1L, r.metrics().get("drv_max_slew_count"));
    assertTrue(r.problems().stream().anyMatch(p -> p.contains("no line end")));
  }

  @Test
  void groupSlackRowCutWithoutLineEndIsNotRead() throws IOException {
    String text = "Group  Slack\n-------------\nclk  -2.09\nclk  -2.0";
    DrvReport r = parse(text, "ns");

    assertTrue(r.partial());
    assertEquals(1, r.groupSlacks().size());
  }
}
