package dev.noodle.common.report.congestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.report.ParseOptions;
import dev.noodle.common.report.congestion.CongestionReport.Format;
import dev.noodle.common.report.congestion.CongestionReport.Totals;
import dev.noodle.common.report.heatmap.Box;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Checks every value the fixture manifest gives for the real OpenROAD congestion report. */
class CongestionReportFixtureTest {
  private static final Path FILE = Path.of("../../shared/fixtures/openroad/congestion/"
      + "openroad-grt_congestion7_gcd-nangate45.rpt");

  private static CongestionReport parse(GridSize grid) throws IOException {
    Assumptions.assumeTrue(Files.isRegularFile(FILE), "fixture not present: " + FILE);
    try (Reader in = Files.newBufferedReader(FILE, StandardCharsets.US_ASCII)) {
      return CongestionReportParser.parse(in, ParseOptions.defaults(), grid);
    }
  }

  @Test
  void readsEveryEntryOfTheGcdReport() throws IOException {
    CongestionReport r = parse(null);

    assertFalse(r.partial());
    assertEquals(List.of(), r.problems());
    assertEquals(Format.COMMENT_CONGESTION, r.format());
    assertEquals(new Totals(738, 1048, 2094, 1046), r.all());
    assertEquals(new Totals(310, 620, 1056, 436), r.horizontal());
    assertEquals(new Totals(428, 428, 1038, 610), r.vertical());
    assertEquals(4L, r.maxCongestion());
    assertEquals(9L, r.entriesAtMax());
    assertEquals(Map.of(1L, 492L, 2L, 193L, 3L, 44L, 4L, 9L), r.distribution());
    assertEquals(539L, r.gcells());
    assertEquals(new Box(0, 0, 94.05, 94.05), r.extent());
    assertEquals(2094L, r.sourceRefs());
    assertNull(r.hotRatio());
  }

  @Test
  void everyEntryHasTheSameShape() throws IOException {
    CongestionReport r = parse(null);

    // Every H capacity is 2, every V capacity 1, K = U - C everywhere, no layer, 2.85 um
    // boxes and 2 to 6 sources per entry.
    assertEquals(new EntryRanges(2L, 2L, 1L, 1L, 0, List.of("-"), 2.85, 2.85, 2.85, 2.85, 2, 6),
        r.ranges());
    Map<String, Object> m = r.metrics();
    assertEquals(2L, m.get("congestion_h_capacity_max"));
    assertEquals(1L, m.get("congestion_v_capacity_min"));
    assertEquals(0L, m.get("congestion_entries_not_usage_minus_capacity"));
    assertEquals(2.85, m.get("congestion_box_width_max_um"));
    assertEquals(6, m.get("congestion_srcs_per_entry_max"));
  }

  @Test
  void firstEntryIsTheFirstInTheFile() throws IOException {
    CongestionEntry first = parse(null).first();

    assertTrue(first.horizontal());
    assertEquals(2, first.capacity());
    assertEquals(4, first.usage());
    assertEquals(2, first.congestion());
    assertEquals(new Box(48.45, 42.75, 51.3, 45.6), first.box());
    assertNull(first.layer());
    assertEquals(4, first.sources());
  }

  @Test
  void metricsCarryTheManifestValues() throws IOException {
    Map<String, Object> m = parse(null).metrics();

    assertEquals(738L, m.get("congestion_entries"));
    assertEquals(310L, m.get("congestion_h_entries"));
    assertEquals(428L, m.get("congestion_v_entries"));
    assertEquals(1048L, m.get("congestion_capacity_total"));
    assertEquals(2094L, m.get("congestion_usage_total"));
    assertEquals(1046L, m.get("congestion_overflow_total"));
    assertEquals(436L, m.get("congestion_h_overflow_total"));
    assertEquals(610L, m.get("congestion_v_overflow_total"));
    assertEquals(4L, m.get("congestion_max"));
    assertEquals(539L, m.get("congestion_gcells"));
    assertEquals(9L, m.get("congestion_entries_at_4"));
    assertEquals(94.05, m.get("congestion_extent_x1_um"));
    assertFalse(m.containsKey("hot_ratio"));
  }

  @Test
  void hotRatioUsesTheGridDerivedFromTheDie() throws IOException {
    GridSize grid = GridSize.fromDie(new Box(0, 0, 94.05, 94.05), 2.85, 2.85);
    CongestionReport r = parse(grid);

    assertEquals(new GridSize(33, 33), grid);
    assertEquals(539.0 / 1089, r.hotRatio(), 1e-12);
    assertEquals(r.hotRatio(), r.metrics().get("hot_ratio"));
  }

  @Test
  void fixtureHeadIsRecognised() throws IOException {
    Assumptions.assumeTrue(Files.isRegularFile(FILE), "fixture not present: " + FILE);
    String head = Files.readString(FILE, StandardCharsets.US_ASCII);
    assertTrue(CongestionReportParser.looksLike(head.substring(0, Math.min(head.length(),
        65536))));
  }
}
