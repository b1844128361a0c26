package dev.noodle.common.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.trial.Metrics;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class StaReportParserTest {
  /** Standard output of a trial script under OpenSTA 2.0.17, timing violated. */
  static final String VIOLATED = """
      noodle_stage load ok
      noodle_units time=1ns capacitance=1pF
      Startpoint: _7538_ (rising edge-triggered flip-flop clocked by clk)
      Endpoint: _7435_ (rising edge-triggered flip-flop clocked by clk)
      Path Group: clk
      Path Type: max

         Delay     Time   Description
      -----------------------------------------------------------
         0.000    0.000   clock clk (rise edge)
         0.232    0.232 v _7538_/Q (DFFPOSX1)
                 15.118   data arrival time

        12.500   12.500   clock clk (rise edge)
        -0.157   12.343   library setup time
                 12.343   data required time
      -----------------------------------------------------------
                 12.343   data required time
                -15.118   data arrival time
      -----------------------------------------------------------
                 -2.775   slack (VIOLATED)


      wns -2.775
      tns -54.186
      worst slack -2.775
      max_delay/setup group clk

                                           Required   Actual
      Endpoint                                Delay    Delay    Slack
      ---------------------------------------------------------------
      _7435_/D (DFFPOSX1)                    12.343   15.118   -2.775 (VIOLATED)
      _7434_/D (DFFPOSX1)                    12.343   15.080   -2.736 (VIOLATED)

      noodle_violating_endpoints 37
      noodle_area 140426.000
      noodle_cells 3926
      noodle_done
      """;

  /** The same script's output once timing is met. */
  static final String MET = """
      noodle_stage load ok
      noodle_units time=1ns capacitance=1pF
      Startpoint: _7538_ (rising edge-triggered flip-flop clocked by clk)
      Endpoint: _7435_ (rising edge-triggered flip-flop clocked by clk)
      Path Group: clk
      Path Type: max

                 11.503   slack (MET)


      wns 0.000
      tns 0.000
      worst slack 0.997
      No paths found.
      noodle_violating_endpoints 0
      noodle_area 150210.500
      noodle_cells 4012
      noodle_done
      """;

  @Test
  void violatedOpenStaReportConvertsNanosecondsToPicoseconds() throws IOException {
    Metrics m = metrics(VIOLATED, null);

    assertEquals(-2775.0, m.wnsPs());
    assertEquals(-54186.0, m.tnsPs());
    assertEquals(-2775.0, m.worstSlackPs());
    assertEquals(37, m.violatingEndpoints());
    assertEquals(140426.0, m.areaUm2());
    assertEquals("1ns", m.timeUnit());
  }

  @Test
  void metReportKeepsPositiveWorstSlackWhileWnsIsZero() throws IOException {
    Metrics m = metrics(MET, null);

    assertEquals(0.0, m.wnsPs());
    assertEquals(0.0, m.tnsPs());
    assertEquals(997.0, m.worstSlackPs());
    assertEquals(0, m.violatingEndpoints());
    assertEquals(150210.5, m.areaUm2());
  }

  @Test
  void newerToolsMinMaxLabelIsAccepted() throws IOException {
    Metrics m = metrics("""
        noodle_units time=1ns capacitance=1pF
        wns max -1.2
        tns max -3.4
        worst slack max -1.2
        noodle_done
        """, null);

    assertEquals(-1200.0, m.wnsPs());
    assertEquals(-3400.0, m.tnsPs());
    assertEquals(-1200.0, m.worstSlackPs());
    assertEquals(1, m.violatingEndpoints());
    assertNull(m.areaUm2());
  }

  @Test
  void reportWithoutDoneLineIsMissing() throws IOException {
    TimingReading r = parse(VIOLATED.replace("noodle_done\n", ""), null);

    assertNull(r.metrics());
    assertTrue(r.missing());
    assertTrue(r.problem().contains("noodle_done"), r.problem());
  }

  @Test
  void reportWithoutWnsIsMissing() throws IOException {
    TimingReading r = parse(VIOLATED.replace("wns -2.775\n", ""), null);

    assertNull(r.metrics());
    assertTrue(r.missing());
    assertTrue(r.problem().contains("'wns' line"), r.problem());
  }

  @Test
  void reportWithoutTnsIsMissing() throws IOException {
    TimingReading r = parse(VIOLATED.replace("tns -54.186\n", ""), null);

    assertTrue(r.missing());
    assertTrue(r.problem().contains("'tns' line"), r.problem());
  }

  @Test
  void reportWithoutAnyUnitIsUnreadableWhenNoneIsDeclared() throws IOException {
    TimingReading r = parse(VIOLATED.replace("noodle_units time=1ns capacitance=1pF\n", ""),
        null);

    assertNull(r.metrics());
    assertFalse(r.missing());
    assertTrue(r.problem().contains("time unit"), r.problem());
  }

  @Test
  void unknownPrintedUnitIsUnreadable() throws IOException {
    TimingReading r = parse(VIOLATED.replace("time=1ns", "time=unknown"), null);

    assertNull(r.metrics());
    assertFalse(r.missing());
    assertTrue(r.problem().contains("time unit 'unknown'"), r.problem());
  }

  @Test
  void declaredUnitIsUsedWhenTheReportPrintsNone() throws IOException {
    Metrics m = metrics("wns -250\ntns -900.5\nnoodle_done\n", "ps");

    assertEquals(-250.0, m.wnsPs());
    assertEquals(-900.5, m.tnsPs());
    assertEquals("ps", m.timeUnit());
  }

  @Test
  void declaredUnitWinsOverThePrintedOne() throws IOException {
    Metrics m = metrics(VIOLATED, "ps");

    assertEquals(-2.775, m.wnsPs());
    assertEquals("ps", m.timeUnit());
  }

  @Test
  void openRoadReportUnitsLineGivesTheUnit() throws IOException {
    Metrics m = metrics("""
         time 1ps
         capacitance 1fF
        wns -12
        tns -40
        noodle_done
        """, null);

    assertEquals(-12.0, m.wnsPs());
    assertEquals("1ps", m.timeUnit());
  }

  @Test
  void printedViolatorCountWinsOverTheEndTable() throws IOException {
    assertEquals(37, metrics(VIOLATED, null).violatingEndpoints());
    assertEquals(2, metrics(VIOLATED.replace("noodle_violating_endpoints 37\n", ""), null)
        .violatingEndpoints());
  }

  @Test
  void areaIsReadFromOpenRoadDesignArea() throws IOException {
    Metrics m = metrics(VIOLATED.replace("noodle_area 140426.000\n",
        "Design area 123 u^2 45% utilization.\n"), null);

    assertEquals(123.0, m.areaUm2());
  }

  @Test
  void nonNumericWnsIsUnreadable() throws IOException {
    TimingReading r = parse(VIOLATED.replace("wns -2.775", "wns INF"), null);

    assertNull(r.metrics());
    assertFalse(r.missing());
    assertTrue(r.problem().contains("'wns INF'"), r.problem());
  }

  @Test
  void unitTextsConvertToPicoseconds() {
    assertEquals(1000.0, StaReportParser.picosecondsPer("1ns"));
    assertEquals(1000.0, StaReportParser.picosecondsPer("ns"));
    assertEquals(10.0, StaReportParser.picosecondsPer("10ps"));
    assertEquals(0.001, StaReportParser.picosecondsPer("1fs"), 1e-12);
    assertEquals(1e6, StaReportParser.picosecondsPer("1us"));
    assertNull(StaReportParser.picosecondsPer("1nF"));
    assertNull(StaReportParser.picosecondsPer("unknown"));
  }

  private static Metrics metrics(String report, String declaredUnit) throws IOException {
    TimingReading r = parse(report, declaredUnit);
    assertNotNull(r.metrics(), () -> "unexpected problem: " + r.problem());
    assertNull(r.problem());
    return r.metrics();
  }

  private static TimingReading parse(String report, String declaredUnit) throws IOException {
    return StaReportParser.parse(new StringReader(report), declaredUnit);
  }
}
