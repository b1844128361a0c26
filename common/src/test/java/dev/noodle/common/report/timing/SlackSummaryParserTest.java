package dev.noodle.common.report.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.report.ParseOptions;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackSummaryParserTest {
  private static SlackSummary parse(String text, String unit) throws IOException {
    return SlackSummaryParser.parse(new StringReader(text),
        ParseOptions.defaults().withTimeUnit(unit));
  }

  private static boolean mentions(List<String> problems, String text) {
    return problems.stream().anyMatch(p -> p.contains(text));
  }

  @Test
  void readsFormsWithoutMinMaxWord() throws IOException {
    SlackSummary summary = parse("wns -0.74\ntns -4.92\nworst slack -1.95\n", "ns");

    assertEquals(Map.of("wns_ps", -740.0, "tns_ps", -4920.0, "worst_slack_ps", -1950.0),
        summary.metrics());
    assertEquals(List.of(), summary.problems());
    assertEquals("wns_tns", summary.kind());
  }

  @Test
  void maxFormsAreSetupAndMinFormsAreHold() throws IOException {
    SlackSummary summary = parse("wns max -1.54\ntns max -2.054\nworst slack max -0.36\n"
        + "wns min -0.012\ntns min -0.1\nworst slack min 0.05\n", "ns");

    assertEquals(-1540.0, summary.wnsPs());
    assertEquals(-2054.0, summary.tnsPs());
    assertEquals(-360.0, summary.worstSlackPs());
    assertEquals(-12.0, summary.holdWnsPs());
    assertEquals(-100.0, summary.holdTnsPs());
    assertEquals(50.0, summary.holdWorstSlackPs());
  }

  @Test
  void readsAnyDigitsAndExponents() throws IOException {
    SlackSummary summary = parse("wns -1.23456789\ntns -6.8821e+01\nworst slack 5E-4\n", "ns");

    assertEquals(-1234.56789, summary.wnsPs());
    assertEquals(-68821.0, summary.tnsPs());
    assertEquals(0.5, summary.worstSlackPs());
  }

  @Test
  void lastPrintingWinsAndHistoryKeepsAll() throws IOException {
    SlackSummary summary = parse("wns -2.0\nwns -1.0\nwns -0.5\n", "ps");

    assertEquals(-0.5, summary.wnsPs());
    assertEquals(List.of(-2.0, -1.0, -0.5),
        summary.history().stream().map(SlackReading::valuePs).toList());
    assertEquals(List.of(1L, 2L, 3L),
        summary.history().stream().map(SlackReading::line).toList());
  }

  @Test
  void ignoresRepairTablesCountsAndWarnings() throws IOException {
    String text = """
        [INFO RSZ-0094] Found 6 endpoints with setup violations.
           Iter   | Removed |    WNS   |   StTNS    |   EnTNS
        ---------------------------------------------------
             0*   |       0 |   -1.954 |       -2.0 |   -6.3
           final  |       4 |   -0.365 |       -0.4 |   -2.1
        [WARNING RSZ-0062] Unable to repair all setup violations.
        WNS -9.9
        wns: -8.8
        the wns -7.7
        tns max -2.054
        """;
    SlackSummary summary = parse(text, "ns");

    assertEquals(Map.of("tns_ps", -2054.0), summary.metrics());
    assertEquals(1, summary.readings());
  }

  @Test
  void infinityClearsTheValueInsteadOfKeepingAnEarlierOne() throws IOException {
    SlackSummary summary = parse("worst slack max -0.5\nworst slack max INF\n", "ns");

    assertNull(summary.worstSlackPs());
    assertTrue(mentions(summary.problems(), "no constrained path"));
    SlackSummary sentinel = parse("worst slack 1e+30\n", "ns");
    assertNull(sentinel.worstSlackPs());
  }

  @Test
  void garbageValueClearsTheValue() throws IOException {
    SlackSummary summary = parse("wns -0.5\nwns -0.4x\n", "ns");
    assertNull(summary.wnsPs());
    assertTrue(mentions(summary.problems(), "not a number"));
  }

  @Test
  void lastLineWithoutLineEndingMayBeCutSoItsValueIsLeftOut() throws IOException {
    SlackSummary summary = parse("tns -6.0\nwns -1.0\ntns -2.05", "ns");

    assertTrue(summary.partial());
    assertNull(summary.tnsPs());
    assertEquals(-1000.0, summary.wnsPs());
    assertTrue(mentions(summary.problems(), "no line ending"));
  }

  @Test
  void negativeZeroKeepsItsSign() throws IOException {
    assertEquals(-0.0, parse("wns -0.00\n", "ns").wnsPs());
  }

  @Test
  void missingUnitIsAProblemAndKeepsNoValues() throws IOException {
    SlackSummary summary = parse("wns -0.74\n", null);

    assertTrue(summary.metrics().isEmpty());
    assertTrue(mentions(summary.problems(), "time unit unknown"));
    assertNull(summary.history().get(0).valuePs());
    assertEquals("-0.74", summary.history().get(0).printed());
  }

  @Test
  void readsUnitFromTheReport() throws IOException {
    assertEquals(-740.0, parse("noodle_units time=1ns\nwns -0.74\n", null).wnsPs());
    assertEquals(-0.74, parse(" time 1ps\nwns -0.74\n", null).wnsPs());
  }

  @Test
  void reportsNothingFoundOnOtherText() throws IOException {
    SlackSummary summary = parse("nothing here\n", "ns");
    assertTrue(summary.metrics().isEmpty());
    assertTrue(mentions(summary.problems(), "no wns"));
    assertFalse(SlackSummaryParser.looksLike("nothing here\n"));
    assertTrue(SlackSummaryParser.looksLike("log\nwns max -1.54\n"));
  }

  @Test
  void stopsAtTheCharacterLimitAndSaysSo() throws IOException {
    SlackSummary summary = SlackSummaryParser.parse(
        new StringReader("wns -1.0\nwns -0.5\n"), new ParseOptions("ns", 12));

    assertTrue(summary.partial());
    assertEquals(-1000.0, summary.wnsPs());
    assertTrue(mentions(summary.problems(), "limit"));
  }
}
