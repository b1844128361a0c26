package dev.noodle.common.report.orfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.report.ParseOptions;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrfsMetricsParserTest {
  private static OrfsMetrics parse(String json, String unit) throws IOException {
    return OrfsMetricsParser.parse(new StringReader(json),
        ParseOptions.defaults().withTimeUnit(unit));
  }

  @Test
  void duplicateKeyKeepsTheLastValueAndIsReported() throws IOException {
    OrfsMetrics m = parse("{\"finish__design__instance__area\": 1.5,"
        + " \"finish__design__instance__area\": 2.5}", null);

    assertEquals(2.5, m.metrics().get("instance_area_um2"));
    assertEquals(List.of("finish__design__instance__area"), m.duplicateKeys());
  }

  @Test
  void stringValueStaysAStringAndIsNotAMetric() throws IOException {
    OrfsMetrics m = parse("{\"finish__timing__setup__ws\": \"N/A\"}", "ns");

    assertEquals("N/A", m.values().get("finish__timing__setup__ws"));
    assertFalse(m.metrics().containsKey("worst_slack_ps"));
    assertTrue(m.problems().get(0).contains("the string 'N/A'"), m.problems().toString());
  }

  @Test
  void missingHoldKeysAreAbsentNotZero() throws IOException {
    OrfsMetrics m = parse("{\"finish__timing__setup__ws\": -1}", "ns");

    assertFalse(m.metrics().containsKey("hold_worst_slack_ps"));
    assertTrue(m.missing().contains("hold_worst_slack_ps"));
  }

  @Test
  void sentinelIsKeptAndFlagged() throws IOException {
    OrfsMetrics m = parse("{\"finish__timing__fmax\": 1.0000000150474662e+30}", null);

    assertEquals(1.0000000150474662e+30, m.metrics().get("fmax_hz"));
    assertEquals(List.of("finish__timing__fmax"), m.sentinelKeys());
  }

  @Test
  void fileUnitWinsOverTheCallersUnit() throws IOException {
    OrfsMetrics m = parse("{\"cts__timing__setup__ws\": -2.5,"
        + " \"run__flow__platform__time_units\": \"1ps\"}", "ns");

    assertEquals(-2.5, m.metrics().get("worst_slack_ps"));
    assertEquals("cts", m.finalStage());
    assertEquals("cts__timing__setup__ws", m.sources().get("stages.cts.worst_slack_ps"));
  }

  @Test
  void unreadableFileUnitLeavesTimesOut() throws IOException {
    OrfsMetrics m = parse("{\"finish__timing__setup__ws\": -2.5,"
        + " \"run__flow__platform__time_units\": \"fortnights\"}", "ns");

    assertFalse(m.metrics().containsKey("worst_slack_ps"));
    assertTrue(m.problems().get(0).contains("fortnights"));
  }

  @Test
  void cutJsonIsPartialAndKeepsWhatWasRead() throws IOException {
    OrfsMetrics m = parse("{\"run__flow__platform__time_units\": \"1ps\","
        + " \"finish__timing__setup__ws\": -2.5, \"finish__timing__se", "ns");

    assertTrue(m.partial());
    assertEquals(-2.5, m.metrics().get("worst_slack_ps"));
  }

  @Test
  void cutJsonWithoutItsUnitKeyLeavesTimesOut() throws IOException {
    OrfsMetrics m = parse("{\"finish__timing__setup__ws\": -2.5, \"finish__power__total\": 1,"
        + " \"run__flow__pla", "ns");

    assertTrue(m.partial());
    assertFalse(m.metrics().containsKey("worst_slack_ps"));
    assertEquals(1.0, m.metrics().get("power_total_w"));
  }

  @Test
  void numberCutByTheEndOfTheInputIsNotRead() throws IOException {
    OrfsMetrics m = parse("{\"finish__power__total\": 0.0082", null);

    assertTrue(m.partial());
    assertFalse(m.metrics().containsKey("power_total_w"));
  }

  @Test
  void nonObjectIsAProblemNotAnException() throws IOException {
    OrfsMetrics m = parse("[1, 2]", null);

    assertTrue(m.metrics().isEmpty());
    assertFalse(m.problems().isEmpty());
  }

  @Test
  void nanAndFractionalCountsAreLeftOut() throws IOException {
    OrfsMetrics m = parse("{\"finish__power__total\": NaN,"
        + " \"finish__timing__drv__max_slew\": 1.5}", null);

    assertFalse(m.metrics().containsKey("power_total_w"));
    assertFalse(m.metrics().containsKey("drv_max_slew_count"));
    assertEquals(2, m.problems().size());
  }

  @Test
  void looksLikeOrfsMetrics() {
    assertTrue(OrfsMetricsParser.looksLike("{\n\t\"finish__timing__setup__ws\": 1"));
    assertFalse(OrfsMetricsParser.looksLike("{\"name\": \"x\"}"));
    assertFalse(OrfsMetricsParser.looksLike("Group Internal"));
  }
}
