package dev.noodle.coordinator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code noodle parse} on every shared fixture, and on input that is not a report at all. */
class ParseCommandTest {
  private static final Path FIXTURES = Path.of("../../shared/fixtures/openroad");
  /** Fixture folder to the kind its files must be detected as. */
  private static final Map<String, String> KINDS = Map.of("timing", "timing", "wns_tns",
      "wns_tns", "congestion", "congestion", "heatmap", "heatmap", "metrics", "orfs_metrics",
      "power", "power", "drv", "drv", "logs", "log");

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream saved;

  @BeforeEach
  void capture() {
    saved = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(saved);
  }

  @Test
  void everyFixtureIsDetectedAsItsKindAndReadWithoutProblems() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(FIXTURES), "shared fixtures are not present");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(FIXTURES)) {
      files = walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals("MANIFEST.md")).sorted().toList();
    }
    assertEquals(17, files.size(), files.toString());
    for (Path f : files) {
      out.reset();
      String unit = f.getFileName().toString().contains("asap7")
          || f.getFileName().toString().contains("_ps") ? "ps" : "ns";
      int rc = Noodle.execute("parse", f.toString(), "--time-unit", unit);
      JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
      String folder = f.getParent().getFileName().toString();
      assertEquals(KINDS.get(folder), json.path("kind").asText(), f.toString());
      assertNotEquals(Noodle.INTERNAL, rc, f.toString());
      assertTrue(json.path("metrics").size() > 0, f + " gave no metrics");
    }
  }

  @Test
  void binaryInputIsRefusedOrReadAsNonsenseNeverAnInternalError() throws Exception {
    byte[] noise = new byte[200_000];
    new Random(7).nextBytes(noise);
    Path f = dir.resolve("noise.bin");
    Files.write(f, noise);
    for (String kind : new String[] {"timing", "wns_tns", "congestion", "heatmap", "metrics",
        "power", "drv", "log"}) {
      int rc = Noodle.execute("parse", f.toString(), "--kind", kind, "--time-unit", "ns");
      assertTrue(rc == 0 || rc == Noodle.NOT_COMPLETED, kind + " exited " + rc);
    }
    assertEquals(Noodle.BAD_INPUT, Noodle.execute("parse", f.toString()));
  }
}
