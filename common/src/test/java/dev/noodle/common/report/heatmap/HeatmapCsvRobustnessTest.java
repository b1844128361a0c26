package dev.noodle.common.report.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.report.ParseOptions;
import dev.noodle.common.report.internal.GeneratedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties that hold for any input: no exception, and either problems with no values, or a
 * partial flag, or exact values; a row cut in the middle of a number never counts.
 */
class HeatmapCsvRobustnessTest {
  private static Heatmap parse(String text) throws IOException {
    return HeatmapCsvParser.parse(new StringReader(text), ParseOptions.defaults());
  }

  private static String sample() throws IOException {
    if (Files.isRegularFile(HeatmapCsvFixtureTest.FILE)) {
      return Files.readString(HeatmapCsvFixtureTest.FILE, StandardCharsets.US_ASCII);
    }
    StringBuilder s = new StringBuilder("x0,y0,x1,y1,value (%)\n");
    for (int i = 0; i < 16; i++) {
      s.append(row(i));
    }
    return s.toString();
  }

  @Test
  void emptyInputHasAProblemAndNoValues() throws IOException {
    Heatmap h = parse("");

    assertNull(h.stats());
    assertTrue(h.metrics().isEmpty());
    assertFalse(h.problems().isEmpty());
  }

  @Test
  void cutAtEveryPointGivesExactlyTheWholeRowsBeforeTheCut() throws IOException {
    String full = sample();
    String[] lines = full.split("(?<=\n)");

    for (int cut = 0; cut <= full.length(); cut++) {
      int whole = 0;
      int end = 0;
      while (whole < lines.length && end + lines[whole].length() <= cut) {
        end += lines[whole++].length();
      }
      Heatmap got = parse(full.substring(0, cut));
      boolean atBoundary = end == cut;

      if (whole <= 1) {
        assertNull(got.stats(), "values without a whole row at cut " + cut);
        assertFalse(got.problems().isEmpty());
        continue;
      }
      Heatmap expected = parse(String.join("", List.of(lines).subList(0, whole)));
      assertEquals(!atBoundary, got.partial(), "partial flag at cut " + cut);
      assertEquals(expected.stats(), got.stats(), "statistics at cut " + cut);
      assertEquals(whole - 1, got.stats().bins());
    }
  }

  @Test
  void randomBinaryNeverGivesValues() throws IOException {
    Random random = new Random(424242L);
    for (int round = 0; round < 300; round++) {
      byte[] bytes = new byte[random.nextInt(4000)];
      random.nextBytes(bytes);

      Heatmap h = parse("x0,y0,x1,y1,value (%)\n"
          + new String(bytes, StandardCharsets.ISO_8859_1));

      if (bytes.length > 64) {
        assertNull(h.stats(), "values from binary input, round " + round);
      }
      assertTrue(h.stats() == null || h.partial() || h.problems().isEmpty());
    }
  }

  @Test
  void mutatedRowsAreEitherExactOrLeftOut() throws IOException {
    Random random = new Random(99L);
    String full = sample();
    String alphabet = "0123456789.,-+e ()%\n";
    for (int round = 0; round < 2000; round++) {
      StringBuilder text = new StringBuilder(full);
      int at = 25 + random.nextInt(text.length() - 25);
      switch (random.nextInt(3)) {
        case 0 -> text.deleteCharAt(at);
        case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
        default -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
      }

      Heatmap h = parse(text.toString());

      if (h.stats() != null) {
        HeatmapStats s = h.stats();
        assertTrue(s.min().value() <= s.mean() && s.mean() <= s.max().value(),
            "round " + round);
        assertTrue(s.bins() <= 17, "round " + round);
      }
    }
  }

  @Test
  void hundredMegabytesKeepTheBinCapAndExactStatistics() throws IOException {
    long rows = 3_000_000;
    GeneratedReader in = new GeneratedReader(rows + 1,
        i -> i == 0 ? "x0,y0,x1,y1,value (%)\n" : row(i - 1));

    Heatmap h = HeatmapCsvParser.parse(in, ParseOptions.defaults());

    assertTrue(in.chars() > 100_000_000L, "generated " + in.chars() + " chars");
    assertTrue(h.partial());
    assertNull(h.grid(), "more bins than the cap must not be kept");
    assertTrue(h.problems().get(0).contains("more than 1000000 bins"), h.problems().get(0));
    HeatmapStats s = h.stats();
    assertEquals(rows, s.bins());
    assertEquals(0.0, s.min().value());
    assertEquals(99.0, s.max().value());
    // Values cycle 0..99 evenly over the rows, so the mean is 49.5.
    assertEquals(49.5, s.mean(), 1e-9);
    assertEquals(rows / 2, s.binsAtOrAbove().get(50.0));
    assertEquals(RowOrder.COLUMN_MAJOR, s.order());
  }

  @Test
  void inputWithoutLineBreaksIsReadInBoundedMemory() throws IOException {
    GeneratedReader in = new GeneratedReader(1_000_000,
        i -> i == 0 ? "x0,y0,x1,y1,value (%)\n" : "1,2,3,4,5,6,7,8,9,0,".repeat(10));

    Heatmap h = HeatmapCsvParser.parse(in, ParseOptions.defaults());

    assertTrue(h.partial());
    assertNull(h.stats());
  }

  /** Row {@code i}: 1000 bins per column of 10 um, values cycling through 0..99. */
  private static String row(long i) {
    long x = i / 1000 * 10;
    long y = i % 1000 * 10;
    return x + "," + y + "," + (x + 10) + "," + (y + 10) + "," + (i % 100) + ".000000e+00\n";
  }
}
