package dev.noodle.common.report.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.report.Fixtures;
import dev.noodle.common.report.ParseOptions;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import org.junit.jupiter.api.Test;

class PowerReportFixtureTest {
  private static PowerReport parse(String file) throws IOException {
    try (Reader in = Fixtures.open(file)) {
      return PowerReportParser.parse(in, ParseOptions.defaults());
    }
  }

  @Test
  void openStaGoldenAfterAWarning() throws IOException {
    PowerReport r = parse("power/opensta_gcd-sky130hd_report-power.ok");

    assertFalse(r.partial());
    assertTrue(r.problems().isEmpty(), r.problems().toString());
    assertEquals(new PowerGroup("Total", 5.12e-04, 3.73e-04, 1.00e-09, 8.85e-04, 100.0),
        r.total());
    assertEquals(List.of(
        new PowerGroup("Sequential", 3.07e-04, 4.76e-05, 2.96e-10, 3.54e-04, 40.0),
        new PowerGroup("Combinational", 1.59e-04, 2.05e-04, 6.86e-10, 3.64e-04, 41.1),
        new PowerGroup("Clock", 4.68e-05, 1.20e-04, 2.30e-11, 1.67e-04, 18.9),
        new PowerGroup("Macro", 0, 0, 0, 0, 0.0),
        new PowerGroup("Pad", 0, 0, 0, 0, 0.0)), r.groups());
    assertEquals(57.8, r.internalPercent());
    assertEquals(42.2, r.switchingPercent());
    assertEquals(0.0, r.leakagePercent());
    assertEquals(8.85e-04, r.metrics().get("power_total_w"));
    assertEquals(5.12e-04, r.metrics().get("power_internal_w"));
    assertEquals(3.73e-04, r.metrics().get("power_switching_w"));
    assertEquals(1.00e-09, r.metrics().get("power_leakage_w"));
    assertEquals(3.54e-04, r.metrics().get("power_sequential_w"));
    assertEquals(0.0, r.metrics().get("power_pad_w"));
  }

  @Test
  void orfsFinishReportPowerSection() throws IOException {
    PowerReport r = parse("timing/orfs_gcd-sky130hd_6_finish.rpt");

    assertFalse(r.partial());
    assertEquals(1, r.tables());
    assertEquals(8.25e-03, r.total().totalW());
    assertEquals(5.35e-03, r.total().internalW());
    assertEquals(2.90e-03, r.total().switchingW());
    assertEquals(2.15e-09, r.total().leakageW());
    assertEquals(1.79e-03, r.group("Sequential").totalW());
    assertEquals(21.7, r.group("Sequential").percent());
    assertEquals(5.24e-03, r.group("Combinational").totalW());
    assertEquals(63.5, r.group("Combinational").percent());
    assertEquals(1.22e-03, r.group("Clock").totalW());
    assertEquals(14.8, r.group("Clock").percent());
    assertEquals(64.8, r.internalPercent());
    assertEquals(35.2, r.switchingPercent());
    assertEquals(8.25e-03, r.metrics().get("power_total_w"));
    assertEquals(1.22e-03, r.metrics().get("power_clock_w"));
  }
}
