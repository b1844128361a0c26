package dev.noodle.common.report.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.report.ParseOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Properties both parsers keep whatever the input: no exception, and every value they return is
 * one the complete input gives; what they cannot read shows as a problem or a partial result.
 */
class TimingParsersRobustnessTest {
  private static final String SUMMARY = "noodle_units time=1ns\nworst slack max -1.95\n"
      + "tns max -6.294\n   0* | -1.954 | -6.3\nwns max -0.365\nworst slack max -0.36\n"
      + "tns max -2.054\nwns min -0.0125\n";

  /** Name, text and unit of each input: the samples, and the fixtures when present. */
  private static List<String[]> inputs() throws IOException {
    List<String[]> inputs = new ArrayList<>();
    inputs.add(new String[] {"groups", Samples.GROUPS, null});
    inputs.add(new String[] {"summary", SUMMARY, null});
    if (Fixtures.present()) {
      for (String name : List.of(Fixtures.FIELDS_MIN_MAX, Fixtures.ORFS_FINISH,
          Fixtures.TWO_GROUPS, Fixtures.CLOCK_EXPANDED, Fixtures.NO_PATHS,
          Fixtures.UNCONSTRAINED, Fixtures.REPAIR_SETUP)) {
        inputs.add(new String[] {name, Fixtures.text(name), Fixtures.unit(name)});
      }
    }
    return inputs;
  }

  /** Every line start and end, one character either side, and 300 even steps. */
  private static TreeSet<Integer> cutPoints(String text) {
    TreeSet<Integer> cuts = new TreeSet<>();
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        for (int d = -1; d <= 2; d++) {
          cuts.add(Math.max(0, Math.min(text.length(), i + d)));
        }
      }
    }
    for (int k = 0; k <= 300; k++) {
      cuts.add((int) ((long) text.length() * k / 300));
    }
    return cuts;
  }

  private static TimingReport timing(Reader in, String unit) throws IOException {
    return TimingReportParser.parse(in, ParseOptions.defaults().withTimeUnit(unit));
  }

  private static SlackSummary summary(Reader in, String unit) throws IOException {
    return SlackSummaryParser.parse(in, ParseOptions.defaults().withTimeUnit(unit));
  }

  @Test
  void emptyInputGivesProblemsAndNoValues() throws IOException {
    TimingReport report = timing(new StringReader(""), "ns");
    assertTrue(report.metrics().isEmpty());
    assertFalse(report.problems().isEmpty());
    SlackSummary summary = summary(new StringReader(""), "ns");
    assertTrue(summary.metrics().isEmpty());
    assertFalse(summary.problems().isEmpty());
  }

  @Test
  void truncatedTimingReportsKeepOnlyExactPaths() throws IOException {
    for (String[] input : inputs()) {
      String text = input[1];
      TimingReport full = timing(new StringReader(text), input[2]);
      for (int cut : cutPoints(text)) {
        String where = input[0] + " cut at " + cut;
        TimingReport part = timing(new StringReader(text.substring(0, cut)), input[2]);
        assertTrue(part.paths().size() <= full.paths().size(), where);
        assertEquals(full.paths().subList(0, part.paths().size()), part.paths(), where);
        assertTrue(part.noPathsFound() <= full.noPathsFound(), where);
        assertEquals(worst(part.paths(), PathType.MAX), part.setupWorstSlackPs(), where);
        assertEquals(worst(part.paths(), PathType.MIN), part.holdWorstSlackPs(), where);
        if (part.paths().size() < full.paths().size() && !part.partial()) {
          // Cut between blocks: nothing was half read.
          assertEquals(part.pathCount(), part.paths().size(), where);
        }
      }
    }
  }

  private static Double worst(List<TimingPath> paths, PathType type) {
    return paths.stream().filter(p -> p.type() == type).map(TimingPath::slackPs)
        .filter(Objects::nonNull).min(Double::compare).orElse(null);
  }

  @Test
  void truncatedSummariesNeverShowAnEarlierOrCutValue() throws IOException {
    for (String[] input : inputs()) {
      String text = input[1];
      SlackSummary full = summary(new StringReader(text), input[2]);
      for (int cut : cutPoints(text)) {
        String where = input[0] + " cut at " + cut;
        SlackSummary part = summary(new StringReader(text.substring(0, cut)), input[2]);
        List<SlackReading> history = part.history();
        assertEquals(full.history().subList(0, history.size()), history, where);
        for (Map.Entry<String, Object> metric : part.metrics().entrySet()) {
          SlackReading last = history.stream()
              .filter(r -> r.metric().equals(metric.getKey())).reduce((a, b) -> b).orElseThrow();
          assertEquals(last.valuePs(), metric.getValue(), where);
        }
        if (part.readings() > history.size()) {
          assertTrue(part.partial(), where);
        }
      }
    }
  }

  @Test
  void randomBytesGiveProblemsNotExceptions() throws IOException {
    Random random = new Random(20240607L);
    for (int i = 0; i < 200; i++) {
      byte[] bytes = new byte[random.nextInt(20_000)];
      random.nextBytes(bytes);
      Charset charset = i % 2 == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
      TimingReport report = timing(reader(bytes, charset), "ns");
      assertFalse(report.problems().isEmpty());
      assertTrue(report.metrics().isEmpty());
      SlackSummary summary = summary(reader(bytes, charset), "ns");
      assertFalse(summary.problems().isEmpty());
      assertTrue(summary.metrics().isEmpty());
    }
  }

  private static Reader reader(byte[] bytes, Charset charset) {
    return new InputStreamReader(new ByteArrayInputStream(bytes), charset);
  }

  @Test
  void shuffledLinesOnlyGiveSlacksThatThePathsPrint() throws IOException {
    Random random = new Random(7L);
    for (String[] input : inputs()) {
      List<String> lines = List.of(input[1].split("\n", -1));
      TimingReport full = timing(new StringReader(input[1]), input[2]);
      Set<Double> printed = new HashSet<>();
      full.paths().forEach(p -> printed.add(p.slackPs()));
      for (int round = 0; round < 30; round++) {
        StringBuilder mutated = new StringBuilder();
        for (String line : lines) {
          int roll = random.nextInt(10);
          if (roll > 0) {
            mutated.append(line).append('\n');
          }
          if (roll == 9) {
            mutated.append(lines.get(random.nextInt(lines.size()))).append('\n');
          }
        }
        TimingReport report = timing(new StringReader(mutated.toString()), input[2]);
        for (TimingPath path : report.paths()) {
          if (path.slackPs() != null) {
            assertTrue(printed.contains(path.slackPs()), input[0] + ": " + path);
          }
        }
      }
    }
  }

  @Test
  void hugeTimingReportReadsInBoundedMemory() throws IOException {
    String body = Samples.maxPath("-0.25", "VIOLATED") + Samples.path("clk", "min", "h1", "h2",
        "0.05", "MET") + "No paths found.\n";
    long repeats = 100_000_000L / body.length();
    long before = usedMemory();
    RepeatingReader in = new RepeatingReader("noodle_units time=1ns\n", body, repeats, "");
    TimingReport report = timing(in, null);

    assertTrue(in.length() > 99_000_000L);
    assertFalse(report.partial(), () -> report.problems().toString());
    assertEquals(2 * repeats, report.pathCount());
    assertEquals(repeats, report.noPathsFound());
    assertEquals(repeats, report.setupViolatingPaths());
    assertEquals(-250.0, report.setupWorstSlackPs());
    assertEquals(50.0, report.holdWorstSlackPs());
    assertEquals(TimingReportParser.MAX_KEPT_PATHS, report.paths().size());
    assertTrue(usedMemory() - before < 256L * 1024 * 1024, "memory grew too much");
  }

  @Test
  void hugeInputPastTheLimitIsPartialWithExactPaths() throws IOException {
    String body = Samples.maxPath("-0.25", "VIOLATED");
    RepeatingReader in = new RepeatingReader("", body, 1_000_000L, "");
    TimingReport report = TimingReportParser.parse(in, new ParseOptions("ns", 1_000_000L));

    assertTrue(report.partial());
    assertTrue(report.pathCount() > 0);
    assertTrue(report.paths().stream().allMatch(p -> p.slackPs() == -250.0));
  }

  @Test
  void hugeSummaryKeepsTheLastValueInBoundedMemory() throws IOException {
    String body = "wns -0.5\ntns -1.25\n[INFO] progress\n";
    long repeats = 100_000_000L / body.length();
    long before = usedMemory();
    SlackSummary summary = summary(
        new RepeatingReader(" time 1ns\n", body, repeats, "wns -0.25\n"), null);

    assertFalse(summary.partial());
    assertEquals(-250.0, summary.wnsPs());
    assertEquals(-1250.0, summary.tnsPs());
    assertEquals(2 * repeats + 1, summary.readings());
    assertEquals(SlackSummaryParser.MAX_HISTORY, summary.history().size());
    assertTrue(usedMemory() - before < 256L * 1024 * 1024, "memory grew too much");
  }

  @Test
  void hugeLineWithoutLineEndsGivesNoValue() throws IOException {
    // A number 50 million digits long must not come back as a shorter number.
    RepeatingReader in = new RepeatingReader("wns -0.5\nwns -1.", "9", 50_000_000L, "\n");
    SlackSummary summary = summary(in, "ns");
    assertNull(summary.wnsPs());
    assertFalse(summary.problems().isEmpty());

    RepeatingReader block = new RepeatingReader("Startpoint: r", "1", 50_000_000L, "\n"
        + Samples.maxPath("0.5", "MET").lines().skip(1).reduce("", (a, b) -> a + b + "\n"));
    TimingReport report = timing(block, "ns");
    assertEquals(0, report.pathCount());
    assertFalse(report.problems().isEmpty());
  }

  private static long usedMemory() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
