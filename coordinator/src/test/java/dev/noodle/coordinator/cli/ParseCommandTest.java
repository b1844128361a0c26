package dev.noodle.coordinator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
      assertEquals(0, rc, f.toString());
      assertFalse(json.path("partial").asBoolean(true), f + " read as partial");
      assertTrue(json.path("problems").isArray(), f.toString());
      assertEquals(0, json.path("problems").size(), f + ": " + json.path("problems"));
      assertTrue(json.path("metrics").size() > 0, f + " gave no metrics");
    }
  }

  @Test
  void badPathsGiveOneLineErrorsNamingThePathAndExit2() throws Exception {
    Path csv = dir.resolve("heatmap.csv");
    Files.writeString(csv, "x0,y0,x1,y1,value (%)\n0,0,10,10,5.000000e+01\n");
    String missingFolder = dir.resolve("nope").resolve("x.png").toString();
    Map<List<String>, String> cases = Map.of(
        List.of(csv.toString(), "--png", missingFolder), "does not exist",
        List.of(csv.toString(), "--png", dir.toString()), "is a folder",
        List.of(csv.toString(), "--diff-against", dir.resolve("nope.csv").toString()),
        "no such file",
        List.of(csv.toString(), "--diff-against", dir.toString()), "is a folder",
        List.of(dir.toString()), "is a folder");
    PrintStream savedErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      for (Map.Entry<List<String>, String> c : cases.entrySet()) {
        err.reset();
        List<String> args = new ArrayList<>(List.of("parse"));
        args.addAll(c.getKey());
        int rc = Noodle.execute(args.toArray(String[]::new));
        String text = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(Noodle.BAD_INPUT, rc, c.getKey() + ": " + text);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains(c.getValue()), text);
        String named = c.getKey().get(c.getKey().size() - 1);
        assertTrue(text.contains(named), text);
      }
    } finally {
      System.setErr(savedErr);
    }
  }

  @Test
  void cutReportsExitOneAsPartial() throws Exception {
    Path drv = FIXTURES.resolve("drv/opensta_search-limit-violations_violators.ok");
    Path finish = FIXTURES.resolve("timing/orfs_gcd-sky130hd_6_finish.rpt");
    Assumptions.assumeTrue(Files.isRegularFile(drv) && Files.isRegularFile(finish),
        "shared fixtures are not present");
    Path cutDrv = dir.resolve("t.ok");
    Files.write(cutDrv, Arrays.copyOf(Files.readAllBytes(drv), 2000));
    Path cutFinish = dir.resolve("f.rpt");
    Files.write(cutFinish, Arrays.copyOf(Files.readAllBytes(finish), 13408));
    for (Path f : List.of(cutDrv, cutFinish)) {
      out.reset();
      int rc = Noodle.execute("parse", f.toString(), "--time-unit", "ns");
      JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
      assertEquals(Noodle.NOT_COMPLETED, rc, f.toString());
      assertTrue(json.path("partial").asBoolean(), f.toString());
      assertTrue(json.path("problems").size() > 0, f.toString());
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
