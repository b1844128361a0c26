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

class TimingReportParserTest {
  private static TimingReport parse(String text, String unit) throws IOException {
    return TimingReportParser.parse(new StringReader(text),
        ParseOptions.defaults().withTimeUnit(unit));
  }

  private static boolean mentions(List<String> problems, String text) {
    return problems.stream().anyMatch(p -> p.contains(text));
  }

  @Test
  void negativeZeroViolatedSlackIsNegativeZeroAndCountsAsViolation() throws IOException {
    TimingReport report = parse(Samples.maxPath("-0.00", "VIOLATED"), "ns");

    TimingPath path = report.paths().get(0);
    assertEquals(SlackStatus.VIOLATED, path.status());
    assertEquals(-0.0, path.slackPs());
    assertTrue(path.violatesSetup());
    assertEquals(1, report.setupViolatingPaths());
    assertEquals(-0.0, report.setupWorstSlackPs());
    assertEquals(List.of(), report.problems());
  }

  @Test
  void zeroSlackTakesItsSignFromTheTag() throws IOException {
    assertEquals(-0.0, parse(Samples.maxPath("0.00", "VIOLATED"), "ns").setupWorstSlackPs());
    TimingReport met = parse(Samples.maxPath("-0.00", "MET"), "ns");
    assertEquals(0.0, met.setupWorstSlackPs());
    assertEquals(0, met.setupViolatingPaths());
  }

  @Test
  void worstSlackPrefersViolatedZeroOverMetZero() throws IOException {
    String text = Samples.maxPath("0.00", "MET") + Samples.maxPath("-0.00", "VIOLATED");
    assertEquals(-0.0, parse(text, "ns").setupWorstSlackPs());
  }

  @Test
  void keepsSlackThatContradictsItsTagAndSaysSo() throws IOException {
    TimingReport report = parse(Samples.maxPath("0.10", "VIOLATED"), "ns");

    assertEquals(100.0, report.paths().get(0).slackPs());
    assertEquals(SlackStatus.VIOLATED, report.paths().get(0).status());
    assertTrue(mentions(report.problems(), "tagged VIOLATED"));
  }

  @Test
  void separatesGroupsAndMinMaxPaths() throws IOException {
    TimingReport report = TimingReportParser.parse(new StringReader(Samples.GROUPS), null);

    assertEquals(4, report.pathCount());
    assertEquals(List.of("clk_a", "clk_b", "clk_a", "clk_b"),
        report.paths().stream().map(TimingPath::group).toList());
    assertEquals(-250.0, report.setupWorstSlackPs());
    assertEquals(-20.0, report.holdWorstSlackPs());
    assertEquals(1, report.setupViolatingPaths());
    assertEquals(1, report.holdViolatingPaths());
    assertEquals("1ns", report.timeUnit());
    assertEquals(300.0, report.paths().get(0).arrivalPs());
    assertEquals(950.0, report.paths().get(0).requiredPs());
  }

  @Test
  void readsUnitFromReportUnitsOutput() throws IOException {
    String text = "report_units\n time 1ps\n capacitance 1fF\n" + Samples.maxPath("12.5", "MET");
    TimingReport report = TimingReportParser.parse(new StringReader(text), null);

    assertEquals(12.5, report.setupWorstSlackPs());
    assertEquals("1ps", report.timeUnit());
  }

  @Test
  void unitPrintedAfterThePathsStillApplies() throws IOException {
    String text = Samples.maxPath("0.5", "MET") + "noodle_units time=1ns\n";
    assertEquals(500.0, TimingReportParser.parse(new StringReader(text), null)
        .setupWorstSlackPs());
  }

  @Test
  void unknownUnitKeepsCountsButNoTimes() throws IOException {
    TimingReport report = parse(Samples.maxPath("-0.25", "VIOLATED"), null);

    assertTrue(mentions(report.problems(), "time unit unknown"));
    assertNull(report.timeUnit());
    assertNull(report.setupWorstSlackPs());
    assertNull(report.paths().get(0).slackPs());
    assertNull(report.paths().get(0).arrivalPs());
    assertEquals(1, report.setupViolatingPaths());
    assertFalse(report.metrics().containsKey("setup_worst_slack_ps"));
  }

  @Test
  void declaredUnitThatDisagreesWithTheReportLeavesTimesOut() throws IOException {
    String text = "noodle_units time=1ps\n" + Samples.maxPath("0.5", "MET");
    TimingReport report = parse(text, "ns");

    assertNull(report.setupWorstSlackPs());
    assertTrue(mentions(report.problems(), "time unit unknown"));
  }

  @Test
  void reportWithTwoDifferentUnitsLeavesTimesOut() throws IOException {
    String text = " time 1ns\n" + Samples.maxPath("0.5", "MET") + " time 1ps\n";
    TimingReport report = TimingReportParser.parse(new StringReader(text), null);

    assertNull(report.setupWorstSlackPs());
    assertTrue(mentions(report.problems(), "two time units"));
  }

  @Test
  void unreadableDeclaredUnitIsAProblem() throws IOException {
    TimingReport report = parse(Samples.maxPath("0.5", "MET"), "furlongs");
    assertNull(report.setupWorstSlackPs());
    assertTrue(mentions(report.problems(), "'furlongs'"));
  }

  @Test
  void noPathsFoundAloneIsAnEmptyResult() throws IOException {
    TimingReport report = parse("report_checks\nNo paths found.\n", null);

    assertEquals(List.of(), report.problems());
    assertFalse(report.partial());
    assertEquals(0, report.pathCount());
    assertEquals(1, report.noPathsFound());
    assertFalse(report.metrics().containsKey("setup_worst_slack_ps"));
    assertEquals(0, report.metrics().get("setup_violating_paths"));
  }

  @Test
  void blockCutByTheEndOfInputIsLeftOutAndMarksPartial() throws IOException {
    String whole = Samples.maxPath("0.40", "MET");
    String cut = whole + whole.substring(0, whole.indexOf("data required time"));
    TimingReport report = parse(cut, "ns");

    assertTrue(report.partial());
    assertEquals(1, report.pathCount());
    assertTrue(mentions(report.problems(), "the end of the input"));
  }

  @Test
  void blockCutByANewBlockIsLeftOut() throws IOException {
    String whole = Samples.maxPath("0.40", "MET");
    String text = whole.substring(0, whole.indexOf("data arrival time")) + "\n"
        + Samples.maxPath("-0.10", "VIOLATED");
    TimingReport report = parse(text, "ns");

    assertTrue(report.partial());
    assertEquals(1, report.pathCount());
    assertEquals(-100.0, report.setupWorstSlackPs());
  }

  @Test
  void unknownPathTypeCountsForNeitherCheck() throws IOException {
    TimingReport report = parse(Samples.path("clk", "min_max", "a", "b", "-1.0", "VIOLATED"),
        "ns");

    assertNull(report.paths().get(0).type());
    assertEquals(0, report.setupViolatingPaths() + report.holdViolatingPaths());
    assertTrue(mentions(report.problems(), "'min_max'"));
  }

  @Test
  void plainTextIsNotATimingReport() throws IOException {
    TimingReport report = parse("hello\nworld\n", "ns");
    assertTrue(report.metrics().isEmpty());
    assertFalse(report.problems().isEmpty());
    assertFalse(TimingReportParser.looksLike("hello\nworld\n"));
    assertTrue(TimingReportParser.looksLike(Samples.GROUPS));
    assertTrue(TimingReportParser.looksLike("No paths found.\n"));
  }

  @Test
  void scientificAndLongNumbersReadExactly() throws IOException {
    assertEquals(-1234.5678, parse(Samples.maxPath("-1.2345678", "VIOLATED"), "ns")
        .setupWorstSlackPs());
    assertEquals(-1.5, parse(Samples.maxPath("-1.5e-3", "VIOLATED"), "ns")
        .setupWorstSlackPs());
  }
}
