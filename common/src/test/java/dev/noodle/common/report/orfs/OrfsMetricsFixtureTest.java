package dev.noodle.common.report.orfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.report.Fixtures;
import dev.noodle.common.report.ParseOptions;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrfsMetricsFixtureTest {
  private static OrfsMetrics parse(String file, ParseOptions options) throws IOException {
    try (Reader in = Fixtures.open(file)) {
      return OrfsMetricsParser.parse(in, options);
    }
  }

  @Test
  void asap7MetadataReadsInPicosecondsFromItsOwnUnitKey() throws IOException {
    OrfsMetrics m = parse("metrics/orfs_asap7-gcd_metadata-base-ok.json",
        ParseOptions.defaults().withTimeUnit("ns"));
    Map<String, Object> v = m.metrics();

    assertFalse(m.partial());
    assertEquals("1ps", m.timeUnit());
    assertEquals("finish", m.finalStage());
    assertEquals(374, m.values().size());
    assertEquals(-68.0967, v.get("worst_slack_ps"));
    assertEquals("finish__timing__setup__ws", m.sources().get("worst_slack_ps"));
    assertEquals(-1273.02, v.get("tns_ps"));
    assertEquals(45L, v.get("setup_violation_count"));
    assertEquals(0L, v.get("hold_violation_count"));
    assertEquals(0L, v.get("drv_max_slew_count"));
    assertEquals(0L, v.get("drv_max_capacitance_count"));
    assertEquals(0L, v.get("drv_max_fanout_count"));
    assertEquals(0.00120392, v.get("power_total_w"));
    assertEquals("1pW", m.values().get("run__flow__platform__power_units"));
    assertEquals(List.of("core_clock: 310.0000"), m.values().get("constraints__clocks__details"));
    assertEquals(719L, v.get("instance_count"));
  }

  @Test
  void asap7MetadataHasNoHoldKeysAndSaysSo() throws IOException {
    OrfsMetrics m = parse("metrics/orfs_asap7-gcd_metadata-base-ok.json",
        ParseOptions.defaults());

    assertFalse(m.metrics().containsKey("hold_worst_slack_ps"));
    assertFalse(m.metrics().containsKey("hold_tns_ps"));
    assertTrue(m.missing().containsAll(List.of("hold_worst_slack_ps", "hold_tns_ps")));
    assertTrue(m.duplicateKeys().isEmpty());
  }

  @Test
  void asap7MetadataKeepsEveryStageSetupSlack() throws IOException {
    Map<String, Object> v = parse("metrics/orfs_asap7-gcd_metadata-base-ok.json",
        ParseOptions.defaults()).metrics();

    assertEquals(-40.5643, v.get("stages.floorplan.worst_slack_ps"));
    assertEquals(-89.3932, v.get("stages.globalplace.worst_slack_ps"));
    assertEquals(-90.4424, v.get("stages.placeopt.worst_slack_ps"));
    assertEquals(-90.9437, v.get("stages.detailedplace.worst_slack_ps"));
    assertEquals(-62.5176, v.get("stages.cts.worst_slack_ps"));
    assertEquals(-69.9543, v.get("stages.globalroute.worst_slack_ps"));
    assertEquals(-68.0967, v.get("stages.finish.worst_slack_ps"));
  }

  @Test
  void asap7MetadataKeepsStringsAndColonKeys() throws IOException {
    OrfsMetrics m = parse("metrics/orfs_asap7-gcd_metadata-base-ok.json",
        ParseOptions.defaults());

    assertEquals("0:05.18", m.values().get("finish__runtime__total"));
    assertEquals("N/A", m.values().get("run__flow__openroad_commit"));
    assertEquals(95L, m.values().get("detailedroute__route__drc_errors__iter:0"));
    assertTrue(m.problems().isEmpty(), m.problems().toString());
  }

  @Test
  void sky130ReportNeedsTheCallersUnit() throws IOException {
    OrfsMetrics m = parse("metrics/orfs_gcd-sky130hd_6_report.json", ParseOptions.defaults());

    assertNull(m.timeUnit());
    assertFalse(m.metrics().containsKey("worst_slack_ps"));
    assertEquals(68L, m.metrics().get("setup_violation_count"));
    assertTrue(m.problems().stream().anyMatch(p -> p.contains("time unit is unknown")));
  }

  @Test
  void sky130ReportInNanoseconds() throws IOException {
    OrfsMetrics m = parse("metrics/orfs_gcd-sky130hd_6_report.json",
        ParseOptions.defaults().withTimeUnit("ns"));
    Map<String, Object> v = m.metrics();

    assertEquals(-1543.33, v.get("worst_slack_ps"));
    assertEquals(-68821.6, v.get("tns_ps"));
    assertEquals(592.366, v.get("hold_worst_slack_ps"));
    assertEquals(0.0, v.get("hold_tns_ps"));
    assertEquals(68L, v.get("setup_violation_count"));
    assertEquals(0L, v.get("hold_violation_count"));
    assertEquals(0L, v.get("drv_max_slew_count"));
    assertEquals(0L, v.get("drv_max_capacitance_count"));
    assertEquals(0L, v.get("drv_max_fanout_count"));
    assertEquals(3.78311e+08, v.get("fmax_hz"));
    assertEquals(0.00825358, v.get("power_total_w"));
    assertTrue(m.missing().isEmpty(), m.missing().toString());
  }

  @Test
  void sky130ReportDuplicatesAreReportedAndTheLastValueWins() throws IOException {
    OrfsMetrics m = parse("metrics/orfs_gcd-sky130hd_6_report.json",
        ParseOptions.defaults().withTimeUnit("ns"));

    assertEquals(70L, m.entries());
    assertEquals(68, m.values().size());
    assertEquals(List.of(5540.31, 4890.94),
        m.duplicateValues().get("finish__design__instance__area"));
    assertEquals(List.of(761L, 761L), m.duplicateValues().get("finish__design__instance__count"));
    assertEquals(List.of("finish__design__instance__count", "finish__design__instance__area"),
        m.duplicateKeys());
    assertEquals(761L, m.metrics().get("instance_count"));
    assertEquals(4890.94, m.metrics().get("instance_area_um2"));
    assertEquals(2L, m.values().get("finish__flow__warnings__count:GUI-0066"));
    assertFalse(m.partial());
  }
}
