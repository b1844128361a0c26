package dev.noodle.common.report.congestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.report.ParseOptions;
import dev.noodle.common.report.congestion.CongestionReport.Totals;
import dev.noodle.common.report.internal.GeneratedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties that hold for any input: no exception, and either problems with no values, or a
 * partial flag, or exact values; never a number the file does not support.
 */
class CongestionReportRobustnessTest {
  private static final Path FIXTURE = Path.of("../../shared/fixtures/openroad/congestion/"
      + "openroad-grt_congestion7_gcd-nangate45.rpt");

  private static CongestionReport parse(String text) throws IOException {
    return CongestionReportParser.parse(new StringReader(text), ParseOptions.defaults(), null);
  }

  /** Entries of 4 lines each, every line ended: the fixture if present, else a sample. */
  private static List<String> entries() throws IOException {
    String text = Files.isRegularFile(FIXTURE)
        ? Files.readString(FIXTURE, StandardCharsets.US_ASCII)
        : sample(40);
    List<String> blocks = new ArrayList<>();
    String[] lines = text.split("(?<=\n)");
    for (int i = 0; i + 3 < lines.length; i += 4) {
      blocks.add(lines[i] + lines[i + 1] + lines[i + 2] + lines[i + 3]);
    }
    return blocks;
  }

  @Test
  void cutAnywhereGivesExactlyTheWholeEntriesBeforeTheCut() throws IOException {
    List<String> blocks = entries();
    String full = String.join("", blocks);
    List<Integer> cuts = new ArrayList<>();
    for (int k = 0; k <= Math.min(full.length(), 600); k++) {
      cuts.add(k);
    }
    for (int k = 600; k < full.length(); k += Math.max(1, full.length() / 300)) {
      cuts.add(k);
    }
    cuts.add(full.length());

    for (int cut : cuts) {
      String text = full.substring(0, cut);
      int whole = 0;
      int end = 0;
      while (whole < blocks.size() && end + blocks.get(whole).length() <= cut) {
        end += blocks.get(whole++).length();
      }
      CongestionReport got = parse(text);
      CongestionReport expected = parse(String.join("", blocks.subList(0, whole)));
      boolean atBoundary = end == cut;

      assertEquals(!atBoundary, got.partial(), "partial flag at cut " + cut);
      if (whole == 0 && !atBoundary) {
        assertNull(got.all(), "values from a cut first entry at " + cut);
        assertFalse(got.problems().isEmpty());
      } else {
        assertEquals(expected.all(), got.all(), "totals at cut " + cut);
        assertEquals(expected.horizontal(), got.horizontal(), "H totals at cut " + cut);
        assertEquals(expected.maxCongestion(), got.maxCongestion(), "max at cut " + cut);
        assertEquals(expected.distribution(), got.distribution(), "levels at cut " + cut);
        assertEquals(expected.gcells(), got.gcells(), "gcells at cut " + cut);
        assertEquals(expected.extent(), got.extent(), "extent at cut " + cut);
      }
    }
  }

  @Test
  void randomBinaryNeverGivesValues() throws IOException {
    Random random = new Random(20240611L);
    for (int round = 0; round < 300; round++) {
      byte[] bytes = new byte[random.nextInt(4000)];
      random.nextBytes(bytes);
      String text = new String(bytes, StandardCharsets.ISO_8859_1);

      CongestionReport r = parse(text);

      if (text.chars().anyMatch(c -> c == 0 || (c < 0x20 && c != '\t' && c != '\r'
          && c != '\n'))) {
        assertNull(r.all(), "values from binary input, round " + round);
      }
      assertTrue(r.all() == null || !r.problems().isEmpty() || r.all().entries() == 0);
    }
  }

  @Test
  void mutatedReportsStayConsistent() throws IOException {
    Random random = new Random(7L);
    String base = sample(12);
    String alphabet = "0123456789.:-() \t\nabcxyHV";
    for (int round = 0; round < 2000; round++) {
      StringBuilder text = new StringBuilder(base);
      for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
        int at = random.nextInt(text.length());
        switch (random.nextInt(3)) {
          case 0 -> text.deleteCharAt(at);
          case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
          default -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }

      CongestionReport r = parse(text.toString());

      if (r.all() != null) {
        Totals all = r.all();
        assertEquals(all.entries(), r.horizontal().entries() + r.vertical().entries());
        assertEquals(all.congestion(), r.horizontal().congestion()
            + r.vertical().congestion());
        assertTrue(all.entries() <= 12 + 4, "round " + round);
        assertTrue(r.partial() || r.problems().isEmpty() || all.entries() > 0);
      } else {
        assertFalse(r.problems().isEmpty(), "no values and no reason, round " + round);
      }
    }
  }

  @Test
  void hundredMegabytesAreReadExactlyInBoundedMemory() throws IOException {
    long entries = 1_000_000;
    GeneratedReader in = new GeneratedReader(entries, CongestionReportRobustnessTest::entry);

    CongestionReport r = CongestionReportParser.parse(in, ParseOptions.defaults(),
        new GridSize(1000, 1000));

    assertTrue(in.chars() > 100_000_000L, "generated " + in.chars() + " chars");
    assertFalse(r.partial(), String.valueOf(r.problems()));
    assertEquals(List.of(), r.problems());
    // Entry i: H when i is even; capacity 2; usage 3 + i % 3; congestion usage - capacity.
    long[] usage = {0, 0};
    for (long i = 0; i < entries; i++) {
      usage[(int) (i % 2)] += 3 + i % 3;
    }
    assertEquals(new Totals(entries / 2, entries, usage[0], usage[0] - entries), r.horizontal());
    assertEquals(new Totals(entries, 2 * entries, usage[0] + usage[1],
        usage[0] + usage[1] - 2 * entries), r.all());
    assertEquals(3L, r.maxCongestion());
    assertEquals(500_000L, r.gcells());
    assertEquals(0.5, r.hotRatio());
  }

  @Test
  void inputWithoutLineBreaksIsReadInBoundedMemory() throws IOException {
    GeneratedReader in = new GeneratedReader(100_000, i -> "violation type: ".repeat(64));

    CongestionReport r = CongestionReportParser.parse(in, ParseOptions.defaults(), null);

    assertTrue(r.partial());
    assertNull(r.all());
  }

  /** Entry {@code i} of the generated report; gcell {@code i / 2} holds one H and one V. */
  private static String entry(long i) {
    long gcell = i / 2;
    long x = (gcell % 1000) * 28_500;
    long y = (gcell / 1000) * 28_500;
    long usage = 3 + i % 3;
    return "violation type: " + (i % 2 == 0 ? "Horizontal" : "Vertical") + " congestion\n"
        + "\tsrcs: net:n" + i + " net:m" + (i + 1) + " net:k" + (i + 2) + "\n"
        + "\tcomment: capacity:2 usage:" + usage + " congestion:" + (usage - 2) + "\n"
        + "\tbbox = (" + micrometres(x) + ", " + micrometres(y) + ") - ("
        + micrometres(x + 28_500) + ", " + micrometres(y + 28_500) + ") on Layer -\n";
  }

  /** Tenths of a nanometre as the report prints micrometres, with 4 decimals. */
  private static String micrometres(long tenthsOfNm) {
    String frac = Long.toString(10_000 + tenthsOfNm % 10_000).substring(1);
    return tenthsOfNm / 10_000 + "." + frac;
  }

  private static String sample(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(entry(i * 7L));
    }
    return s.toString();
  }
}
