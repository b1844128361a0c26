package dev.noodle.common.report.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.report.ParseOptions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Checks every value the fixture manifest gives for the real placement density heatmap. */
class HeatmapCsvFixtureTest {
  static final Path FILE = Path.of("../../shared/fixtures/openroad/heatmap/"
      + "noodle2_gcd-nangate45_placement-density.csv");

  static Heatmap parseFixture() throws IOException {
    Assumptions.assumeTrue(Files.isRegularFile(FILE), "fixture not present: " + FILE);
    try (Reader in = Files.newBufferedReader(FILE, StandardCharsets.US_ASCII)) {
      return HeatmapCsvParser.parse(in, ParseOptions.defaults());
    }
  }

  @Test
  void readsTheFourByFourGridThatDoesNotStartAtTheOrigin() throws IOException {
    Heatmap h = parseFixture();

    assertFalse(h.partial());
    assertEquals(List.of(), h.problems());
    assertEquals("%", h.unit());
    HeatmapGrid grid = h.grid();
    assertEquals(4, grid.columns());
    assertEquals(4, grid.rows());
    assertEquals(16, grid.size());
    assertTrue(grid.complete());
    assertEquals(List.of(1.14, 11.14, 21.14, 31.14), grid.columnStarts());
    assertEquals(List.of(1.4, 11.4, 21.4, 31.4), grid.rowStarts());
    assertEquals(new Box(1.14, 1.4, 34.96, 35), h.stats().extent());
    assertEquals(h.stats().extent(), grid.extent());
    assertEquals(RowOrder.COLUMN_MAJOR, h.stats().order());
  }

  @Test
  void edgeBinsAreClippedToTheDie() throws IOException {
    HeatmapGrid grid = parseFixture().grid();

    int full = 0;
    for (int i = 0; i < grid.size(); i++) {
      Box b = grid.box(i);
      double expectedWidth = grid.column(i) == 3 ? 3.82 : 10;
      double expectedHeight = grid.row(i) == 3 ? 3.6 : 10;
      assertEquals(expectedWidth, b.width(), 1e-9, "width of bin " + i);
      assertEquals(expectedHeight, b.height(), 1e-9, "height of bin " + i);
      full += grid.column(i) < 3 && grid.row(i) < 3 ? 1 : 0;
    }
    // MANIFEST.md row 9 says 12 bins are 10x10 um and 4 are clipped, but a 4x4 grid whose right
    // column and top row are both narrower has 3x3 = 9 full bins and 7 clipped ones (the right
    // column, the top row and the corner they share). The data wins; the test follows it.
    assertEquals(9, full);
    assertEquals(7, grid.size() - full);
  }

  @Test
  void statisticsMatchTheManifest() throws IOException {
    HeatmapStats s = parseFixture().stats();

    assertEquals(16, s.bins());
    assertEquals(new Bin(new Box(21.14, 1.4, 31.14, 11.4), 73.896), s.max());
    assertEquals(new Bin(new Box(31.14, 31.4, 34.96, 35), 4.973822), s.min());
    assertEquals(51.967, s.mean(), 5e-4);
    assertEquals(60.229, s.areaWeightedMean(), 5e-4);
    assertEquals(Map.of(50.0, 11L, 70.0, 2L, 80.0, 0L), s.binsAtOrAbove());
  }

  @Test
  void metricsCarryThePercentUnit() throws IOException {
    Map<String, Object> m = parseFixture().metrics();

    assertEquals(16L, m.get("heatmap_bins"));
    assertEquals(4L, m.get("heatmap_columns"));
    assertEquals(73.896, m.get("heatmap_max_pct"));
    assertEquals(4.973822, m.get("heatmap_min_pct"));
    assertEquals(51.967, (double) m.get("heatmap_mean_pct"), 5e-4);
    assertEquals(60.229, (double) m.get("heatmap_mean_area_weighted_pct"), 5e-4);
    assertEquals(11L, m.get("heatmap_bins_ge_50_pct"));
    assertEquals(2L, m.get("heatmap_bins_ge_70_pct"));
    assertEquals(0L, m.get("heatmap_bins_ge_80_pct"));
    assertEquals(21.14, m.get("heatmap_max_bin_x0_um"));
    assertEquals(34.96, m.get("heatmap_extent_x1_um"));
  }

  @Test
  void fixtureHeadIsRecognised() throws IOException {
    Assumptions.assumeTrue(Files.isRegularFile(FILE), "fixture not present: " + FILE);
    assertTrue(HeatmapCsvParser.looksLike(Files.readString(FILE, StandardCharsets.US_ASCII)));
  }
}
