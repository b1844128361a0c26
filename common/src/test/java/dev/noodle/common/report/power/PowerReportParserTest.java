package dev.noodle.common.report.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.report.ParseOptions;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PowerReportParserTest {
  private static final String HEADER = """
      Group                  Internal  Switching    Leakage      Total
                                Power      Power      Power      Power (Watts)
      ----------------------------------------------------------------
      """;

  private static PowerReport parse(String text) throws IOException {
    return PowerReportParser.parse(new StringReader(text), ParseOptions.defaults());
  }

  @Test
  void tableAfterLogLines() throws IOException {
    PowerReport r = parse("[WARNING STA-0001] something\n" + HEADER + """
        Sequential             1.00e-03   0.00e+00   0.00e+00   1.00e-03 100.0%
        ----------------------------------------------------------------
        Total                  1.00e-03   0.00e+00   0.00e+00   1.00e-03 100.0%
                                 100.0%       0.0%       0.0%
        """);

    assertFalse(r.partial());
    assertEquals(1.00e-03, r.metrics().get("power_total_w"));
    assertEquals(100.0, r.internalPercent());
  }

  @Test
  void tableCutBeforeTotalIsPartialWithoutValues() throws IOException {
    PowerReport r = parse(HEADER + "Sequential  1.00e-03   0.00e+00   0.00e+00   1.00e-03 10");

    assertTrue(r.partial());
    assertNull(r.total());
    assertTrue(r.metrics().isEmpty());
  }

  @Test
  void missingShareRowIsPartialButKeepsTotals() throws IOException {
    PowerReport r = parse(HEADER + """
        ----------------------------------------------------------------
        Total                  1.00e-03   0.00e+00   0.00e+00   1.00e-03 100.0%
        """);

    assertTrue(r.partial());
    assertEquals(1.00e-03, r.total().totalW());
    assertNull(r.internalPercent());
  }

  @Test
  void otherUnitsAreNotRead() throws IOException {
    PowerReport r = parse(HEADER.replace("Watts", "mW") + """
        ----------------------------------------------------------------
        Total                  1.00e-03   0.00e+00   0.00e+00   1.00e-03 100.0%
        """);

    assertNull(r.total());
    assertTrue(r.problems().get(0).contains("mW"));
  }

  @Test
  void lastCompleteTableWins() throws IOException {
    String table = HEADER + """
        ----------------------------------------------------------------
        Total                  %s   0.00e+00   0.00e+00   %s 100.0%%
                                 100.0%%       0.0%%       0.0%%
        """;
    PowerReport r = parse(table.formatted("1.00e-03", "1.00e-03")
        + table.formatted("2.00e-03", "2.00e-03"));

    assertEquals(2, r.tables());
    assertEquals(2.00e-03, r.total().totalW());
  }

  @Test
  void noTableIsAProblem() throws IOException {
    PowerReport r = parse("Found 1 slew violations.\n");

    assertEquals("No report_power table found", r.problems().get(0));
    assertFalse(PowerReportParser.looksLike("max slew\n"));
    assertTrue(PowerReportParser.looksLike(HEADER));
  }
}
