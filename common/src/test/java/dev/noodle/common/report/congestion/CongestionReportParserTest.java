package dev.noodle.common.report.congestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.report.ParseOptions;
import dev.noodle.common.report.congestion.CongestionReport.Format;
import dev.noodle.common.report.congestion.CongestionReport.Totals;
import dev.noodle.common.report.heatmap.Box;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CongestionReportParserTest {
  /** The first writer: no sources, a "congestion information" line, ostream numbers. */
  private static final String INFORMATION_OVERFLOW = """
      violation type: Horizontal congestion
      \tsrcs:\s
      \tcongestion information: capacity:17 usage:20 overflow:3
      \tbbox = ( 69, 82.8 ) - ( 75.9, 89.7) on Layer -
      violation type: Vertical congestion
      \tsrcs:\s
      \tcongestion information: capacity:17 usage:19 overflow:2
      \tbbox = ( 69, 82.8 ) - ( 75.9, 89.7) on Layer -
      """;

  /** The marker writer before "overflow" was renamed "congestion". */
  private static final String COMMENT_OVERFLOW = """
      violation type: Horizontal congestion
      \tsrcs: net:a net:b net:c
      \tcomment: capacity:2 usage:3 overflow:1
      \tbbox = (0.0000, 0.0000) - (2.8500, 2.8500) on Layer -
      violation type: Vertical congestion
      \tsrcs: net:a net:d
      \tcomment: capacity:1 usage:4 overflow:3
      \tbbox = (2.8500, 0.0000) - (5.7000, 2.8500) on Layer -
      """;

  static CongestionReport parse(String text, GridSize grid) throws IOException {
    return CongestionReportParser.parse(new StringReader(text), ParseOptions.defaults(), grid);
  }

  @Test
  void firstWriterWithCongestionInformationLinesIsRead() throws IOException {
    CongestionReport r = parse(INFORMATION_OVERFLOW, null);

    assertEquals(List.of(), r.problems());
    assertEquals(Format.INFORMATION_OVERFLOW, r.format());
    assertEquals(new Totals(2, 34, 39, 5), r.all());
    assertEquals(1L, r.gcells());
    assertEquals(new Box(69, 82.8, 75.9, 89.7), r.extent());
    assertEquals(0L, r.sourceRefs());
  }

  @Test
  void markerWriterWithOverflowCommentIsRead() throws IOException {
    CongestionReport r = parse(COMMENT_OVERFLOW, null);

    assertEquals(Format.COMMENT_OVERFLOW, r.format());
    assertEquals(new Totals(1, 2, 3, 1), r.horizontal());
    assertEquals(new Totals(1, 1, 4, 3), r.vertical());
    assertEquals(3L, r.maxCongestion());
    assertEquals(Map.of(1L, 1L, 3L, 1L), r.distribution());
    assertEquals(2L, r.gcells());
    assertEquals(5L, r.sourceRefs());
    assertEquals(4L, r.metrics().get("congestion_overflow_total"));
  }

  @Test
  void newestCommentWithKindAndLayerIsRead() throws IOException {
    CongestionReport r = parse("""
        violation type: Vertical congestion
        \tsrcs: net:x
        \tcomment: capacity:14 usage:15 congestion:1 (wires + vias)
        \tbbox = (455.4000, 427.8000) - (462.3000, 434.7000) on Layer metal3
        """, null);

    assertEquals(Format.COMMENT_CONGESTION, r.format());
    assertEquals(new Totals(1, 14, 15, 1), r.vertical());
    assertEquals("metal3", r.first().layer());
  }

  @Test
  void printedCongestionIsTakenEvenWhenItIsNotUsageMinusCapacity() throws IOException {
    CongestionReport r = parse(COMMENT_OVERFLOW.replace("overflow:3", "overflow:5"), null);

    assertEquals(6L, r.all().congestion());
    assertEquals(1L, r.ranges().notUsageMinusCapacity());
  }

  @Test
  void rangesGivePerDirectionCapacityLayersBoxSizesAndSources() throws IOException {
    String text = COMMENT_OVERFLOW + """
        violation type: Horizontal congestion
        \tsrcs: net:e
        \tcomment: capacity:5 usage:6 overflow:1
        \tbbox = (0.0000, 2.8500) - (1.4000, 5.7000) on Layer metal3
        """;
    EntryRanges ranges = parse(text, null).ranges();

    assertEquals(new EntryRanges(2L, 5L, 1L, 1L, 0, List.of("-", "metal3"), 1.4, 2.85, 2.85,
        2.85, 1, 3), ranges);
  }

  @Test
  void onlyHorizontalEntriesLeaveTheVerticalRangeOut() throws IOException {
    String text = COMMENT_OVERFLOW.substring(0, COMMENT_OVERFLOW.indexOf("violation type: V"));
    CongestionReport r = parse(text, null);

    assertNull(r.ranges().vCapacityMin());
    assertFalse(r.metrics().containsKey("congestion_v_capacity_min"));
  }

  @Test
  void hotRatioIsDistinctGcellsOverTheKnownGrid() throws IOException {
    CongestionReport r = parse(COMMENT_OVERFLOW + INFORMATION_OVERFLOW, new GridSize(10, 8));

    assertEquals(3L, r.gcells());
    assertEquals(3 / 80.0, r.hotRatio());
    assertEquals(3 / 80.0, r.metrics().get("hot_ratio"));
  }

  @Test
  void gridFromTheDieCountsWholeGcellsAsTheRouterDoes() {
    assertEquals(new GridSize(33, 33),
        GridSize.fromDie(new Box(0, 0, 94.05, 94.05), 2.85, 2.85));
    assertEquals(new GridSize(3, 1), GridSize.fromDie(new Box(0, 0, 10, 2), 3, 3));
    assertThrows(IllegalArgumentException.class,
        () -> GridSize.fromDie(new Box(0, 0, 10, 10), 0, 1));
  }

  @Test
  void emptyFileIsACleanReportWithoutCongestion() throws IOException {
    CongestionReport r = parse("", new GridSize(4, 4));

    assertFalse(r.partial());
    assertEquals(List.of(), r.problems());
    assertEquals(new Totals(0, 0, 0, 0), r.all());
    assertEquals(0L, r.maxCongestion());
    assertEquals(0.0, r.hotRatio());
    assertNull(r.extent());
  }

  @Test
  void entryWithoutBboxIsLeftOutAndMarksThePartial() throws IOException {
    String text = COMMENT_OVERFLOW.replace(
        "\tbbox = (0.0000, 0.0000) - (2.8500, 2.8500) on Layer -\n", "");

    CongestionReport r = parse(text, null);

    assertTrue(r.partial());
    assertEquals(1L, r.all().entries());
    assertTrue(r.problems().get(0).contains("line 1"), r.problems().get(0));
  }

  @Test
  void nonCongestionViolationsAreNotCounted() throws IOException {
    CongestionReport r = parse("""
        violation type: Short
        \tsrcs: net:a net:b
        \tbbox = (1.0000, 1.0000) - (2.0000, 2.0000) on Layer metal1
        """, null);

    assertNull(r.all());
    assertTrue(r.problems().get(0).contains("'Short'"), r.problems().get(0));
  }

  @Test
  void textThatIsNotAReportHasProblemsAndNoValues() throws IOException {
    CongestionReport r = parse("[INFO GRT-0001] Minimum degree: 2\n", null);

    assertNull(r.all());
    assertTrue(r.metrics().isEmpty());
    assertFalse(r.problems().isEmpty());
  }

  @Test
  void lastLineWithoutLineEndingIsNotTrusted() throws IOException {
    // Cut inside "overflow:3": the 3 could have been 31.
    String cut = COMMENT_OVERFLOW.substring(0, COMMENT_OVERFLOW.indexOf("overflow:3") + 10);

    CongestionReport r = parse(cut, null);

    assertTrue(r.partial());
    assertEquals(1L, r.all().entries());
    assertEquals(1L, r.maxCongestion());
  }

  @Test
  void looksLikeRecognisesEveryFormatAndNothingElse() {
    assertTrue(CongestionReportParser.looksLike(INFORMATION_OVERFLOW));
    assertTrue(CongestionReportParser.looksLike(COMMENT_OVERFLOW));
    assertFalse(CongestionReportParser.looksLike("violation type: Short\n"));
    assertFalse(CongestionReportParser.looksLike("x0,y0,x1,y1,value\n"));
    assertFalse(CongestionReportParser.looksLike(""));
  }
}
