package dev.noodle.common.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every file MANIFEST.md lists is there, is detected as the kind of its folder and reads
 * cleanly. The values each row gives are checked by the fixture test of that kind: timing
 * ({@code TimingFixturesTest}, {@code TimingFixtureTablesTest}), congestion, heatmap, ORFS
 * metrics, power, DRV and tool logs.
 */
class ManifestFixturesTest {
  private static final Path ROOT = Path.of("..", "..", "shared", "fixtures", "openroad");
  private static final Map<String, ReportKind> KINDS = Map.of("timing", ReportKind.TIMING,
      "wns_tns", ReportKind.WNS_TNS, "congestion", ReportKind.CONGESTION, "heatmap",
      ReportKind.HEATMAP, "metrics", ReportKind.METRICS, "power", ReportKind.POWER, "drv",
      ReportKind.DRV, "logs", ReportKind.LOG);

  private static List<String> listed() throws IOException {
    Path manifest = ROOT.resolve("MANIFEST.md");
    Assumptions.assumeTrue(Files.isRegularFile(manifest), "fixture folder is absent");
    List<String> files = new ArrayList<>();
    for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
      String[] cells = line.split("\\|");
      if (cells.length > 3 && cells[1].strip().matches("\\d+")) {
        files.add(cells[2].strip());
      }
    }
    return files;
  }

  @Test
  void manifestListsExactlyTheFilesInTheFolder() throws IOException {
    List<String> files = listed();
    List<String> present;
    try (Stream<Path> walk = Files.walk(ROOT)) {
      present = walk.filter(Files::isRegularFile).map(p -> ROOT.relativize(p).toString())
          .filter(p -> !p.equals("MANIFEST.md")).sorted().toList();
    }

    assertEquals(17, files.size());
    assertEquals(present, files.stream().sorted().toList());
  }

  @Test
  void everyListedFileIsDetectedAsItsKindAndReadsCleanly() throws IOException {
    for (String name : listed()) {
      String text = Files.readString(ROOT.resolve(name), StandardCharsets.UTF_8);
      ReportKind expected = KINDS.get(name.substring(0, name.indexOf('/')));
      String head = text.substring(0, Math.min(text.length(), ReportKind.HEAD_CHARS));
      assertEquals(expected, ReportKind.detect(head).orElse(null), name);

      String unit = name.contains("asap7") || name.contains("_ps") ? "ps" : "ns";
      ParsedReport report;
      try (Reader in = new StringReader(text)) {
        report = expected.parse(in, ParseOptions.defaults().withTimeUnit(unit));
      }
      assertFalse(report.partial(), name + ": " + report.problems());
      assertEquals(List.of(), report.problems(), name);
      assertTrue(!report.metrics().isEmpty(), name + " gave no metrics");
    }
  }
}
