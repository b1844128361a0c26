package dev.noodle.common.report.heatmap;

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

class HeatmapCsvParserTest {
  private static final String ROWS = """
      10,10,20,20,1.000000e+00
      0,0,10,10,4.000000e+00
      10,0,20,10,2.000000e+00
      0,10,10,20,3.000000e+00
      """;

  static Heatmap parse(String csv) throws IOException {
    return HeatmapCsvParser.parse(new StringReader(csv), ParseOptions.defaults());
  }

  static Heatmap parse(String csv, HeatmapOptions options) throws IOException {
    return HeatmapCsvParser.parse(new StringReader(csv), ParseOptions.defaults(), options);
  }

  @Test
  void headerWithoutUnitGivesNoUnitAndNoDefaultThresholds() throws IOException {
    Heatmap h = parse("x0,y0,x1,y1,value\n" + ROWS);

    assertNull(h.unit());
    assertEquals(List.of(), h.problems());
    assertEquals(Map.of(), h.stats().binsAtOrAbove());
    assertEquals(4.0, h.metrics().get("heatmap_max"));
    assertFalse(h.metrics().containsKey("heatmap_max_pct"));
  }

  @Test
  void thresholdsCanBeSetForAnyUnit() throws IOException {
    Heatmap h = parse("x0,y0,x1,y1,value (nets)\n" + ROWS,
        HeatmapOptions.defaults().withThresholds(List.of(2.0, 3.5)));

    assertEquals("nets", h.unit());
    assertEquals(Map.of(2.0, 3L, 3.5, 1L), h.stats().binsAtOrAbove());
    assertEquals(3L, h.metrics().get("heatmap_bins_ge_2_nets"));
    assertEquals(1L, h.metrics().get("heatmap_bins_ge_3p5_nets"));
  }

  @Test
  void unsortedRowsMakeTheSameGrid() throws IOException {
    Heatmap h = parse("x0,y0,x1,y1,value (%)\n" + ROWS);
    HeatmapGrid g = h.grid();

    assertEquals(RowOrder.UNSORTED, h.stats().order());
    assertEquals(2, g.columns());
    assertEquals(2, g.rows());
    assertEquals(List.of(4.0, 3.0, 2.0, 1.0),
        List.of(g.value(0), g.value(1), g.value(2), g.value(3)));
    assertEquals(1, g.column(3));
    assertEquals(1, g.row(3));
  }

  @Test
  void rowMajorOrderIsRecognised() throws IOException {
    Heatmap h = parse("""
        x0,y0,x1,y1,value (%)
        0,0,10,10,1
        10,0,20,10,2
        0,10,10,20,3
        10,10,20,20,4
        """);

    assertEquals(RowOrder.ROW_MAJOR, h.stats().order());
  }

  @Test
  void binsWithoutValueLeaveHolesInTheGrid() throws IOException {
    Heatmap h = parse("x0,y0,x1,y1,value (%)\n0,0,10,10,5\n10,10,20,20,7\n");

    assertEquals(2, h.grid().size());
    assertFalse(h.grid().complete());
  }

  @Test
  void gridNeedNotStartAtTheOriginAndCoordinatesMayBeScientific() throws IOException {
    Heatmap h = parse("x0,y0,x1,y1,value (%)\n1.235e+03,-5,1.245e+03,5,5.0e+01\n");

    assertEquals(new Box(1235, -5, 1245, 5), h.stats().extent());
    assertEquals(1L, h.metrics().get("heatmap_bins_ge_50_pct"));
  }

  @Test
  void areaWeightedMeanCountsClippedBinsLess() throws IOException {
    Heatmap h = parse("x0,y0,x1,y1,value (%)\n0,0,10,10,1.0e+02\n10,0,12,10,0.0e+00\n");

    assertEquals(50.0, h.stats().mean());
    assertEquals(100.0 * 100 / 120, h.stats().areaWeightedMean(), 1e-12);
  }

  @Test
  void badRowsAreLeftOutAndMarkThePartial() throws IOException {
    Heatmap h = parse("""
        x0,y0,x1,y1,value (%)
        0,0,10,10,1.0e+01
        0,10,10,20,nan
        10,0,10,10,5
        0,0,10,10,9
        10,10,20
        """);

    assertTrue(h.partial());
    assertEquals(1L, h.stats().bins());
    assertEquals(4, h.problems().size());
    assertTrue(h.problems().get(2).contains("repeats the bin"), h.problems().get(2));
  }

  @Test
  void rowCutInsideANumberIsNotCounted() throws IOException {
    Heatmap h = parse("x0,y0,x1,y1,value (%)\n0,0,10,10,1.0e+01\n10,0,20,10,9.9");

    assertTrue(h.partial());
    assertEquals(1L, h.stats().bins());
    assertEquals(10.0, h.stats().max().value());
  }

  @Test
  void binsPastTheLimitKeepExactStatisticsButNoGrid() throws IOException {
    Heatmap h = parse("x0,y0,x1,y1,value (%)\n" + ROWS, HeatmapOptions.defaults()
        .withMaxBins(3));

    assertTrue(h.partial());
    assertNull(h.grid());
    assertEquals(4L, h.stats().bins());
    assertEquals(2.5, h.stats().mean());
  }

  @Test
  void fileWithoutHeaderIsRefused() throws IOException {
    Heatmap h = parse(ROWS);

    assertNull(h.stats());
    assertTrue(h.problems().get(0).contains("header"));
  }

  @Test
  void looksLikeNeedsTheHeaderOnTheFirstLine() {
    assertTrue(HeatmapCsvParser.looksLike("x0,y0,x1,y1,value (%)\n1,2,3,4,5\n"));
    assertTrue(HeatmapCsvParser.looksLike("x0,y0,x1,y1,value\r\n"));
    assertFalse(HeatmapCsvParser.looksLike("x,y,value\n"));
    assertFalse(HeatmapCsvParser.looksLike("violation type: Horizontal congestion\n"));
  }
}
