package dev.noodle.common.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.report.congestion.CongestionReportParser;
import dev.noodle.common.report.drv.DrvReport;
import dev.noodle.common.report.drv.DrvReportParser;
import dev.noodle.common.report.drv.DrvSection;
import dev.noodle.common.report.heatmap.HeatmapCsvParser;
import dev.noodle.common.report.log.ToolLog;
import dev.noodle.common.report.log.ToolLogParser;
import dev.noodle.common.report.orfs.OrfsMetrics;
import dev.noodle.common.report.orfs.OrfsMetricsParser;
import dev.noodle.common.report.power.PowerReport;
import dev.noodle.common.report.power.PowerReportParser;
import dev.noodle.common.report.timing.SlackSummaryParser;
import dev.noodle.common.report.timing.TimingReportParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Properties every parser keeps whatever its input: no exception, never a wrong number. */
class ReportParsersPropertyTest {
  private static final ParseOptions NS = ParseOptions.defaults().withTimeUnit("ns");
  private static final long HUNDRED_MB = 100L * 1024 * 1024;

  /** One parser under test. */
  private interface Parser {
    ParsedReport parse(Reader in) throws IOException;
  }

  private static final List<Parser> ALL = List.of(
      in -> OrfsMetricsParser.parse(in, NS), in -> PowerReportParser.parse(in, NS),
      in -> DrvReportParser.parse(in, NS), in -> ToolLogParser.parse(in, NS),
      in -> TimingReportParser.parse(in, NS), in -> SlackSummaryParser.parse(in, NS),
      in -> CongestionReportParser.parse(in, NS, null), in -> HeatmapCsvParser.parse(in, NS));

  private static ParsedReport checked(Parser parser, String text) throws IOException {
    ParsedReport r = parser.parse(new StringReader(text));
    assertNotNull(r.kind());
    assertNotNull(r.problems());
    r.metrics().values().forEach(value -> assertNotNull(value, r.kind()));
    return r;
  }

  @Test
  void emptyInputGivesAProblemOrNothing() throws IOException {
    for (Parser parser : ALL) {
      ParsedReport r = checked(parser, "");
      // An empty log is a run that printed nothing; an empty congestion file is what the router
      // writes when nothing is congested.
      assertTrue(!r.problems().isEmpty() || r.kind().equals("log")
          || r.kind().equals("congestion") && r.metrics().get("congestion_entries").equals(0L),
          r.kind());
    }
  }

  @Test
  void randomBytesNeverThrow() throws IOException {
    Random random = new Random(20240601);
    for (int round = 0; round < 200; round++) {
      byte[] bytes = new byte[random.nextInt(4096)];
      random.nextBytes(bytes);
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      for (Parser parser : ALL) {
        checked(parser, text);
        checked(parser, "{" + text);
      }
    }
  }

  @Test
  void shuffledFixtureLinesNeverThrow() throws IOException {
    Random random = new Random(7);
    List<String> lines = new ArrayList<>();
    for (String file : List.of("drv/opensta_search-limit-violations_violators.ok",
        "power/opensta_gcd-sky130hd_report-power.ok",
        "logs/openroad_commands-without-load_signal11.log")) {
      lines.addAll(Fixtures.read(file).lines().toList());
    }
    for (int round = 0; round < 50; round++) {
      Collections.shuffle(lines, random);
      String text = String.join("\n", lines.subList(0, random.nextInt(lines.size())));
      for (Parser parser : ALL) {
        checked(parser, text);
      }
    }
  }

  @Test
  void cutOrfsMetricsKeepOnlyExactValues() throws IOException {
    for (String file : List.of("metrics/orfs_gcd-sky130hd_6_report.json",
        "metrics/orfs_asap7-gcd_metadata-base-ok.json")) {
      String text = Fixtures.read(file);
      OrfsMetrics full = OrfsMetricsParser.parse(new StringReader(text), NS);
      for (int cut = 0; cut < text.length(); cut++) {
        OrfsMetrics part = OrfsMetricsParser.parse(new StringReader(text.substring(0, cut)), NS);
        String where = file + " cut at " + cut;
        assertTrue(part.partial() || !part.problems().isEmpty(), where);
        part.metrics().forEach((name, value) -> {
          boolean sameStage = name.startsWith("stages.")
              || full.finalStage().equals(part.finalStage());
          if (sameStage && !full.duplicateKeys().contains(part.sources().get(name))) {
            assertEquals(full.metrics().get(name), value, where + " " + name);
          }
        });
      }
    }
  }

  @Test
  void everyFixtureCutInsideALineReadsAsPartial() throws IOException {
    Path root = Path.of("..", "..", "shared", "fixtures", "openroad");
    Assumptions.assumeTrue(Files.isDirectory(root), "fixture folder is absent");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().equals("MANIFEST.md")).sorted().toList();
    }
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      ReportKind kind = ReportKind.detect(text.substring(0,
          Math.min(text.length(), ReportKind.HEAD_CHARS))).orElseThrow();
      String unit = file.toString().contains("asap7") || file.toString().contains("_ps")
          ? "ps" : "ns";
      for (int cut : cutPoints(text)) {
        if (cut == 0 || cut == text.length() || text.charAt(cut - 1) == '\n') {
          continue;
        }
        ParsedReport part = kind.parse(new StringReader(text.substring(0, cut)),
            ParseOptions.defaults().withTimeUnit(unit));
        assertTrue(part.partial() || !part.problems().isEmpty(),
            file.getFileName() + " cut at " + cut + " reads as whole");
      }
    }
  }

  @Test
  void cutPowerReportsKeepOnlyExactValues() throws IOException {
    for (String file : List.of("power/opensta_gcd-sky130hd_report-power.ok",
        "timing/orfs_gcd-sky130hd_6_finish.rpt")) {
      String text = Fixtures.read(file);
      PowerReport full = PowerReportParser.parse(new StringReader(text), NS);
      for (int cut : cutPoints(text)) {
        PowerReport part = PowerReportParser.parse(new StringReader(text.substring(0, cut)), NS);
        assertSubset(full.metrics(), part.metrics(), file + " cut at " + cut);
      }
    }
  }

  @Test
  void cutDrvReportsKeepOnlyExactValues() throws IOException {
    for (String file : List.of("drv/openroad-rsz_repair-design1_check-types.ok",
        "timing/orfs_gcd-sky130hd_6_finish.rpt")) {
      String text = Fixtures.read(file);
      DrvReport full = DrvReportParser.parse(new StringReader(text), NS);
      for (int cut : cutPoints(text)) {
        DrvReport part = DrvReportParser.parse(new StringReader(text.substring(0, cut)), NS);
        assertSubset(full.metrics(), part.metrics(), file + " cut at " + cut);
      }
    }
  }

  @Test
  void cutDrvSectionsArePrefixesOfTheFullOnes() throws IOException {
    String text = Fixtures.read("drv/opensta_search-limit-violations_violators.ok");
    List<DrvSection> full = DrvReportParser.parse(new StringReader(text), NS).sections();
    for (int cut : cutPoints(text)) {
      List<DrvSection> part = DrvReportParser.parse(new StringReader(text.substring(0, cut)),
          NS).sections();
      for (int i = 0; i < part.size(); i++) {
        DrvSection got = part.get(i);
        DrvSection want = full.get(i);
        assertEquals(want.line(), got.line(), "cut at " + cut);
        assertEquals(want.rows().subList(0, got.rows().size()), got.rows(), "cut at " + cut);
        if (i < part.size() - 1) {
          assertEquals(want, got, "cut at " + cut);
        }
      }
    }
  }

  @Test
  void cutLogsNeverCountMoreThanTheWholeLog() throws IOException {
    for (String file : List.of("logs/openroad_commands-without-load_signal11.log",
        "logs/orfs_asap7-credit-bft_2_1_floorplan_error-dpl-0012.log",
        "logs/openroad-grt_congestion5_error-grt-0116.log")) {
      String text = Fixtures.read(file);
      ToolLog full = ToolLogParser.parse(new StringReader(text), NS);
      for (int cut : cutPoints(text)) {
        ToolLog part = ToolLogParser.parse(new StringReader(text.substring(0, cut)), NS);
        assertTrue(part.errors() <= full.errors() && part.warnings() <= full.warnings()
            && part.infos() <= full.infos(), file + " cut at " + cut);
        if (part.crash() != null) {
          assertEquals(full.crash().line(), part.crash().line());
          assertTrue(part.crash().frameCount() <= full.crash().frameCount());
        }
        if (part.exitStatus() != null) {
          assertEquals(full.exitStatus(), part.exitStatus(), file + " cut at " + cut);
        }
        if (part.peakMemoryKb() != null) {
          assertEquals(full.peakMemoryKb(), part.peakMemoryKb(), file + " cut at " + cut);
        }
      }
    }
  }

  @Test
  void hugeLogIsCountedExactlyWithBoundedLists() throws IOException {
    GeneratedReader in = new GeneratedReader("OpenROAD v2.0\n",
        i -> i % 2 == 0 ? "[ERROR STA-0565] write_spef requires one positional argument.\n"
            : "[INFO GRT-" + (i % 5000) + "] line " + i + "\n",
        HUNDRED_MB, "[INFO GRT-0018] Total wirelength: 15962 um\n"
            + "[ERROR GRT-0116] Global routing finished with congestion.\n");
    ToolLog log = ToolLogParser.parse(in, NS);

    long body = in.lines();
    assertEquals(body / 2 + body % 2 + 1, log.errors());
    assertEquals(body / 2 + 1, log.infos());
    assertEquals(ToolLogParser.MAX_KEPT, log.firstErrors().size());
    assertTrue(log.byId().size() <= 1000);
    assertTrue(log.partial());
    assertEquals("GRT-0116", log.ending().id());
  }

  @Test
  void hugeDrvTableIsCountedExactlyWithRowsCapped() throws IOException {
    GeneratedReader in = new GeneratedReader(
        "max fanout\n\nPin                                   Limit Fanout  Slack\n"
            + "---------------------------------------------------------\n",
        i -> "u" + i + "/Z                                     1      3     -2 (VIOLATED)\n",
        HUNDRED_MB, "\n");
    DrvReport r = DrvReportParser.parse(in, NS);

    assertTrue(r.partial());
    assertEquals(in.lines(), r.metrics().get("drv_max_fanout_count"));
    assertEquals(-2.0, r.metrics().get("drv_max_fanout_worst_slack"));
    assertEquals(DrvReportParser.MAX_ROWS, r.sections().get(0).rows().size());
  }

  @Test
  void hugePowerLogWithTheTableAtTheEnd() throws IOException {
    String table = Fixtures.read("power/opensta_gcd-sky130hd_report-power.ok");
    GeneratedReader in = new GeneratedReader("", i -> "[INFO GPL-0001] iteration " + i + "\n",
        HUNDRED_MB, table);
    PowerReport r = PowerReportParser.parse(in, NS);

    assertFalse(r.partial());
    assertEquals(8.85e-04, r.metrics().get("power_total_w"));
  }

  @Test
  void hugeJsonStopsAtTheKeyLimit() throws IOException {
    GeneratedReader in = new GeneratedReader("{", i -> "\"finish__k" + i + "__x\": " + i + ",\n",
        HUNDRED_MB, "\"finish__timing__setup__ws\": 1}");
    OrfsMetrics m = OrfsMetricsParser.parse(in, NS);

    assertTrue(m.partial());
    assertTrue(m.values().size() <= 20_000);
  }

  @Test
  void hugeJsonStringIsRefusedNotBuffered() throws IOException {
    GeneratedReader in = new GeneratedReader(
        "{\"run__flow__platform__time_units\": \"1ns\", \"finish__timing__setup__ws\": -1.5,"
            + " \"x\": \"",
        i -> "abcdefghij", HUNDRED_MB, "\"}");
    OrfsMetrics m = OrfsMetricsParser.parse(in, NS);

    assertTrue(m.partial());
    assertEquals(-1500.0, m.metrics().get("worst_slack_ps"));
  }

  @Test
  void characterLimitMakesEveryParserPartial() throws IOException {
    ParseOptions small = new ParseOptions("ns", 1000);
    String text = Fixtures.read("drv/opensta_search-limit-violations_violators.ok");
    assertTrue(DrvReportParser.parse(new StringReader(text), small).partial());
    assertTrue(ToolLogParser.parse(new StringReader(text), small).partial());
    assertTrue(PowerReportParser.parse(new StringReader(text), small).partial());
    assertTrue(OrfsMetricsParser.parse(new StringReader(
        Fixtures.read("metrics/orfs_asap7-gcd_metadata-base-ok.json")), small).partial());
  }

  /**
   * Where to cut a text: about a thousand evenly spread points, and every line end with the
   * characters on either side, where a cut leaves a line that may still match.
   */
  private static List<Integer> cutPoints(String text) {
    TreeSet<Integer> points = new TreeSet<>();
    int step = Math.max(1, text.length() / 1000);
    for (int i = 0; i <= text.length(); i += step) {
      points.add(i);
    }
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      for (int near = i - 2; near <= i + 2; near++) {
        if (near >= 0 && near <= text.length()) {
          points.add(near);
        }
      }
    }
    points.add(text.length());
    return new ArrayList<>(points);
  }

  private static void assertSubset(Map<String, Object> full, Map<String, Object> part,
      String where) {
    part.forEach((name, value) -> assertEquals(full.get(name), value, where + " " + name));
  }
}
