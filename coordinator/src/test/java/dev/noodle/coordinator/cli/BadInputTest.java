package dev.noodle.coordinator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.coordinator.TestStudies;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad study files and illegal studies: a clear message naming file, line, field and fix, a
 * non-zero exit, and nothing written. None of these start a node or a tool.
 */
class BadInputTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream savedErr;
  private PrintStream savedOut;

  @BeforeEach
  void capture() {
    savedErr = System.err;
    savedOut = System.out;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(savedErr);
    System.setOut(savedOut);
  }

  private String errText() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void malformedYamlNamesFileAndLineAndWritesNothing() throws Exception {
    Path study = TestStudies.write(dir, "bad.yaml", "name: x\nstages:\n  - trial_budget: [1\n"
        + "    survivors: 1\n");
    Path outDir = dir.resolve("out");

    assertEquals(2, Noodle.execute("run", study.toString(), "--out", outDir.toString()));

    assertTrue(errText().contains("bad.yaml:"), errText());
    assertTrue(errText().contains("malformed YAML"), errText());
    assertTrue(errText().contains("fix:"), errText());
    assertFalse(Files.exists(outDir), "nothing may be written for a bad study");
  }

  @Test
  void unknownKeyIsNamedWithItsLineAndTheKnownKeys() {
    TestStudies.copyChainDesign(dir);
    Path study = TestStudies.write(dir, "study.yaml", "name: x\n" + TestStudies.chainDesign()
        + "stages:\n  - trial_budgett: 4\n    survivors: 1\n    ecos: [{eco: noop}]\n");

    assertEquals(2, Noodle.execute("validate", study.toString()));

    String text = errText();
    assertTrue(text.contains("study.yaml:8"), text);
    assertTrue(text.contains("trial_budgett"), text);
    assertTrue(text.contains("trial_budget"), text);
  }

  @Test
  void outOfRangeParameterNamesFieldValueAndRange() {
    TestStudies.copyChainDesign(dir);
    Path study = TestStudies.write(dir, "study.yaml", "name: x\n" + TestStudies.chainDesign()
        + "stages:\n  - trial_budget: 4\n    survivors: 1\n    ecos:\n"
        + "      - eco: upsize_critical\n        parameters: {steps: 7}\n");

    assertEquals(2, Noodle.execute("run", study.toString(), "--out", dir.resolve("o")
        .toString()));

    String text = errText();
    assertTrue(text.contains("stages[0].ecos[0].parameters.steps"), text);
    assertTrue(text.contains("got 7"), text);
    assertTrue(text.contains("[1, 3]"), text);
    assertFalse(Files.exists(dir.resolve("o")));
  }

  @Test
  void missingSnapshotFileIsNamed() {
    Path study = TestStudies.write(dir, "study.yaml", "name: x\ndesign:\n  top: t\n"
        + "  liberty: " + TestStudies.OSU018 + "\n  sdc: nowhere.sdc\n  netlist: n.v\n"
        + "stages:\n  - trial_budget: 1\n    survivors: 1\n    ecos: [{eco: noop}]\n");

    assertEquals(2, Noodle.execute("validate", study.toString()));

    assertTrue(errText().contains("design.sdc"), errText());
    assertTrue(errText().contains("nowhere.sdc"), errText());
  }

  @Test
  void illegalStudyPrintsTheReportExitsThreeAndStartsNothing() throws Exception {
    TestStudies.copyChainDesign(dir);
    Files.writeString(dir.resolve("top.v"), "module chain(); endmodule\n");
    Path study = TestStudies.write(dir, "study.yaml", "name: x\nsafety_domain: guarded\n"
        + TestStudies.chainDesign() + "  rtl: [top.v]\n"
        + "stages:\n  - trial_budget: 2\n    survivors: 1\n    ecos:\n"
        + "      - eco: resynthesize\n");
    Path outDir = dir.resolve("out");

    assertEquals(3, Noodle.execute("validate", study.toString()));
    String report = out.toString(StandardCharsets.UTF_8);
    assertTrue(report.contains("Run Legality Report"), report);
    assertTrue(report.contains("ILLEGAL"), report);
    assertTrue(report.contains("global_disruptive"), report);

    assertEquals(3, Noodle.execute("run", study.toString(), "--out", outDir.toString()));
    assertFalse(Files.exists(outDir), "an illegal study must not start");
  }

  @Test
  void legalStudyValidatesWithExitZero() {
    Path study = TestStudies.repoRoot().resolve("studies/quickstart/study.yaml");
    assertEquals(0, Noodle.execute("validate", study.toString()));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("LEGAL"));
  }

  @Test
  void everySubcommandHelpHasExamples() {
    for (String cmd : new String[] {"run", "validate", "ecos"}) {
      out.reset();
      assertEquals(0, Noodle.execute(cmd, "--help"));
      assertTrue(out.toString(StandardCharsets.UTF_8).contains("Example"), cmd);
    }
    try (Stream<String> lines = out.toString(StandardCharsets.UTF_8).lines()) {
      assertTrue(lines.count() > 3);
    }
  }
}
