package dev.noodle.common.report.drv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.report.Fixtures;
import dev.noodle.common.report.ParseOptions;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrvReportFixtureTest {
  private static DrvReport parse(String file) throws IOException {
    try (Reader in = Fixtures.open(file)) {
      return DrvReportParser.parse(in, ParseOptions.defaults().withTimeUnit("ns"));
    }
  }

  @Test
  void repairDesignPrintsSlewFanoutCapacitanceInThatOrder() throws IOException {
    DrvReport r = parse("drv/openroad-rsz_repair-design1_check-types.ok");

    assertFalse(r.partial());
    assertEquals(List.of("max_slew", "max_fanout", "max_capacitance"),
        r.sections().stream().map(DrvSection::check).toList());
    assertEquals(List.of(new DrvRow("load5/D", 0.0, 0.04, -0.04, true, 18)),
        r.sections().get(0).rows());
    assertEquals(List.of(new DrvRow("drvr/Q", 0.0, 10.0, -10.0, true, 24)),
        r.sections().get(1).rows());
    assertEquals(List.of(new DrvRow("drvr/Q", 0.0, 14.79, -14.79, true, 30)),
        r.sections().get(2).rows());
    Map<String, Object> m = r.metrics();
    assertEquals(1L, m.get("drv_max_slew_count"));
    assertEquals(-40.0, m.get("drv_max_slew_worst_slack_ps"));
    assertEquals(1L, m.get("drv_max_fanout_count"));
    assertEquals(-10.0, m.get("drv_max_fanout_worst_slack"));
    assertEquals(1L, m.get("drv_max_capacitance_count"));
    assertEquals(-14.79, m.get("drv_max_capacitance_worst_slack"));
  }

  @Test
  void openStaViolatorsSectionsHaveTheirRows() throws IOException {
    DrvReport r = parse("drv/opensta_search-limit-violations_violators.ok");
    DrvSection slew = r.sections().stream().filter(s -> s.line() == 19).findFirst().get();

    assertFalse(r.partial(), r.problems().toString());
    assertEquals("max_slew", slew.check());
    assertEquals(33, slew.rowCount());
    assertEquals(33, slew.violators());
    assertEquals(-0.01, slew.worstSlack());
    assertEquals(new DrvRow("reg1/QN", 0.0, 0.01, -0.01, true, 23), slew.rows().get(0));
    assertEquals(14, slew.rows().stream()
        .filter(row -> row.violated() && Double.compare(row.slack(), -0.0) == 0).count());

    DrvSection cap = r.sections().stream().filter(s -> s.line() == 93).findFirst().get();
    assertEquals(List.of("inv2/ZN", "buf1/Z", "buf2/Z", "buf3/Z", "buf4/Z", "buf5/Z"),
        cap.rows().stream().map(DrvRow::pin).toList());
    assertEquals(List.of(-2.92, -1.70, -1.70, -1.14, -1.14, -1.14),
        cap.rows().stream().map(DrvRow::slack).toList());
    assertEquals(6, cap.violators());

    DrvSection fanout = r.sections().stream().filter(s -> s.line() == 136).findFirst().get();
    assertEquals(List.of(new DrvRow("inv2/ZN", 1.0, 3.0, -2.0, true, 140)), fanout.rows());
  }

  @Test
  void openStaVerboseBlocksAndTheCombinedRun() throws IOException {
    DrvReport r = parse("drv/opensta_search-limit-violations_violators.ok");
    DrvSection first = r.sections().get(0);

    assertTrue(first.verbose());
    assertEquals(List.of(new DrvRow("reg1/QN", 0.0, 0.01, -0.01, true, 9)), first.rows());
    DrvSection combinedSlew = r.sections().stream().filter(s -> s.line() == 280).findFirst()
        .get();
    assertEquals(33, combinedSlew.violators());
    assertEquals(6, r.sections().stream().filter(s -> s.line() == 324).findFirst().get()
        .violators());
    // 5 slew, 4 capacitance and 4 fanout runs before the combined run, which has 4 tables:
    // slew, fanout, capacitance and min pulse width.
    assertEquals(List.of(5L, 4L, 4L, 4L), List.of(
        r.sections("max_slew").stream().filter(s -> s.line() < 270).count(),
        r.sections("max_capacitance").stream().filter(s -> s.line() < 118).count(),
        r.sections("max_fanout").stream().filter(s -> s.line() < 151).count(),
        (long) r.sections().stream().filter(s -> s.line() > 270 && s.line() < 350).toList()
            .size()));
    // The final verbose run prints the worst pin only: no count, so the full lists before it
    // (33 slew rows, 6 capacitance rows) give the counts.
    assertEquals(33L, r.metrics().get("drv_max_slew_count"));
    assertEquals(6L, r.metrics().get("drv_max_capacitance_count"));
    assertEquals(1L, r.metrics().get("drv_max_fanout_count"));
    assertEquals(-10.0, r.metrics().get("drv_max_slew_worst_slack_ps"));
    assertEquals(-2.92, r.metrics().get("drv_max_capacitance_worst_slack"));
    assertEquals(-2.0, r.metrics().get("drv_max_fanout_worst_slack"));
  }

  @Test
  void combinedRunHasGroupSlacksPulseWidthViolationsAndOneFanoutRow() throws IOException {
    DrvReport r = parse("drv/opensta_search-limit-violations_violators.ok");

    assertEquals(List.of(-2.09, -2.07, -2.07, -1.19, -1.19, -1.19),
        r.groupSlacks().stream().map(GroupSlack::slack).toList());
    assertTrue(r.groupSlacks().stream().allMatch(g -> g.group().equals("clk")));
    assertEquals(6, r.metrics().get("drv_group_slack_rows"));
    assertEquals(-2090.0, r.metrics().get("drv_group_worst_slack_ps"));
    DrvSection fanout = r.sections("max_fanout").stream().filter(s -> s.line() > 270)
        .findFirst().get();
    assertEquals(List.of(new DrvRow("inv2/ZN", 1.0, 3.0, -2.0, true, 322)), fanout.rows());
    DrvSection pulse = r.sections("min_pulse_width").stream().filter(s -> s.line() > 270)
        .findFirst().get();
    assertEquals(6, pulse.violators());
    assertEquals(-4.99, pulse.worstSlack());
    assertEquals(new DrvRow("reg2/CK (high)", 5.0, 0.01, -4.99, true, 343), pulse.rows().get(0));
    assertEquals(6L, r.metrics().get("drv_min_pulse_width_count"));
    assertEquals(-4990.0, r.metrics().get("drv_min_pulse_width_worst_slack_ps"));
    // The earlier pulse width tables print one MET row each.
    assertEquals(List.of(0, 0), r.sections("min_pulse_width").stream()
        .filter(s -> s.line() < 270).map(DrvSection::violators).toList());
  }

  @Test
  void violatorsListCutAfter2000BytesIsPartial() throws IOException {
    String text = Fixtures.read("drv/opensta_search-limit-violations_violators.ok");
    DrvReport r = DrvReportParser.parse(new StringReader(text.substring(0, 2000)),
        ParseOptions.defaults().withTimeUnit("ns"));

    assertTrue(r.partial());
    assertFalse(r.problems().isEmpty());
  }

  @Test
  void repairDesignCutInsideItsLastRowIsPartial() throws IOException {
    String text = Fixtures.read("drv/openroad-rsz_repair-design1_check-types.ok");
    int cut = text.indexOf("14.79", text.indexOf("max capacitance"));
    DrvReport r = DrvReportParser.parse(new StringReader(text.substring(0, cut + 3)),
        ParseOptions.defaults().withTimeUnit("ns"));

    assertTrue(r.partial());
    assertFalse(r.problems().isEmpty());
    assertFalse(r.metrics().containsKey("drv_max_capacitance_count"));
  }

  @Test
  void orfsFinishReportHasAnEmptyViolatorsSectionAndZeroCounts() throws IOException {
    DrvReport r = parse("timing/orfs_gcd-sky130hd_6_finish.rpt");

    assertFalse(r.partial(), r.problems().toString());
    assertTrue(r.sections().isEmpty());
    assertEquals(0L, r.metrics().get("drv_max_slew_count"));
    assertEquals(0L, r.metrics().get("drv_max_fanout_count"));
    assertEquals(0L, r.metrics().get("drv_max_capacitance_count"));
    assertNull(r.metrics().get("drv_max_slew_worst_slack_ps"));
    assertEquals(1.0000000150474662e+30, r.orfsValues().get("max_fanout_check_slack"));
    assertEquals(1.0000000150474662e+30, r.orfsValues().get("max_fanout_check_limit"));
    assertEquals(List.of("max_fanout_check_slack", "max_fanout_check_limit"), r.sentinels());
    assertEquals(0.02980188839137554, r.orfsValues().get("max_capacitance_check_slack"));
  }
}
