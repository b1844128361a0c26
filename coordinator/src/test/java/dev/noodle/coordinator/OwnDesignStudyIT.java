package dev.noodle.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.noodle.coordinator.cli.Noodle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Studies on a user's own gate-level netlist, run with the real OpenSTA: a normal study, a base
 * case that fails, and ECOs that break the tool in each way a trial can break.
 */
class OwnDesignStudyIT {
  @TempDir
  Path dir;

  @Test
  void ownNetlistStudyCompletesAndImproves() {
    TestStudies.copyChainDesign(dir);
    Path study = TestStudies.write(dir, "study.yaml", "name: own\n" + TestStudies.chainDesign()
        + "stages:\n"
        + "  - trial_budget: 4\n    survivors: 2\n    ecos:\n"
        + "      - eco: upsize_critical\n        parameters: {paths: [1, 5], steps: 1}\n"
        + "      - eco: buffer_fanout\n        parameters: {max_fanout: [2, 4]}\n"
        + "  - trial_budget: 4\n    survivors: 1\n    ecos:\n"
        + "      - eco: upsize_critical\n        parameters: {paths: 10, steps: [1, 2]}\n");

    assertEquals(0, Noodle.execute("run", study.toString(), "--out", dir.resolve("out")
        .toString()));

    JsonNode s = TestStudies.json(dir.resolve("out/own/summary.json"));
    assertEquals("completed", s.path("status").asText());
    assertTrue(s.path("best").path("wns_ps").asDouble() > s.path("base").path("wns_ps")
        .asDouble(), s.toString());
    assertEquals(1 + 4 + 4, s.path("trials").path("total").asInt());
    assertEquals("chain_1_0", s.path("cases").get(5).path("case_name").asText());
  }

  @Test
  void brokenBaseCaseBlocksTheStudyAndRunsNoEco() throws Exception {
    TestStudies.copyChainDesign(dir);
    // A netlist that names a cell the library does not have: linking fails, sta exits 0.
    Files.writeString(dir.resolve("chain.v"), Files.readString(dir.resolve("chain.v"))
        .replace("NAND2X1 g1", "NAND9X9 g1"));
    Path study = TestStudies.write(dir, "study.yaml", "name: broken\n"
        + TestStudies.chainDesign()
        + "stages:\n  - trial_budget: 4\n    survivors: 1\n    ecos:\n"
        + "      - eco: upsize_critical\n");

    assertEquals(1, Noodle.execute("run", study.toString(), "--out", dir.resolve("out")
        .toString()));

    JsonNode s = TestStudies.json(dir.resolve("out/broken/summary.json"));
    assertEquals("blocked", s.path("status").asText());
    assertEquals(1, s.path("trials").path("total").asInt());
    assertEquals("tool_error", s.path("blocked_by").path("type").asText());
    assertFalse(s.path("blocked_by").path("excerpt").asText().isEmpty());
    assertTrue(s.path("reason").asText().contains("base case"), s.path("reason").asText());
    assertFalse(Files.exists(dir.resolve("out/broken/trials/broken_0_0")));
  }

  @Test
  void brokenEcosAreClassifiedAndContainedWhileTheStudyGoesOn() throws Exception {
    TestStudies.copyChainDesign(dir);
    Files.writeString(dir.resolve("tcl_error.tcl"), "no_such_command_anywhere 1 2 3\n");
    // Real signals and real hangs of the real tool, caused from inside its own Tcl.
    Files.writeString(dir.resolve("segfault.tcl"), "exec kill -SEGV [pid]\nafter 5000\n");
    Files.writeString(dir.resolve("hang.tcl"), "after 60000\n");
    // The ECO silences report_tns, so the run ends cleanly without a report the trial needs.
    Files.writeString(dir.resolve("no_report.tcl"), "proc report_tns {args} {}\n");
    Path study = TestStudies.write(dir, "study.yaml", "name: contain\n"
        + TestStudies.chainDesign()
        + "trial_timeout_seconds: 3\n"
        + "containment:\n  max_eco_failures: 1\n"
        + "custom_ecos:\n"
        + ecoEntry("tcl_error") + ecoEntry("segfault") + ecoEntry("hang")
        + ecoEntry("no_report")
        + "stages:\n"
        + "  - trial_budget: 5\n    survivors: 2\n    abort: {max_failure_rate: 1.0}\n"
        + "    ecos:\n"
        + "      - eco: upsize_critical\n        parameters: {paths: 5}\n"
        + "      - eco: tcl_error\n      - eco: segfault\n      - eco: hang\n"
        + "      - eco: no_report\n"
        + "  - trial_budget: 4\n    survivors: 1\n    abort: {max_failure_rate: 1.0}\n"
        + "    ecos:\n"
        + "      - eco: tcl_error\n      - eco: upsize_critical\n        parameters: {paths: 9}\n");

    assertEquals(0, Noodle.execute("run", study.toString(), "--out", dir.resolve("out")
        .toString()));

    JsonNode s = TestStudies.json(dir.resolve("out/contain/summary.json"));
    assertEquals("completed", s.path("status").asText());
    Map<String, String> types = new HashMap<>();
    Map<String, String> reasons = new HashMap<>();
    for (JsonNode c : s.path("cases")) {
      String eco = c.path("eco").asText().replaceAll("\\(.*", "");
      types.put(eco, c.path("failure_type").asText(""));
      reasons.put(eco, c.path("failure_reason").asText(""));
    }
    assertEquals("", types.get("upsize_critical"));
    assertEquals("tool_error", types.get("tcl_error"));
    assertTrue(reasons.get("tcl_error").contains("no_such_command_anywhere"),
        reasons.get("tcl_error"));
    assertEquals("tool_crash", types.get("segfault"));
    assertTrue(reasons.get("segfault").contains("signal 11"), reasons.get("segfault"));
    assertEquals("timeout", types.get("hang"));
    assertEquals("missing_output", types.get("no_report"));

    // Stage 1 may not try the quarantined ECO again.
    for (JsonNode c : s.path("cases")) {
      if (c.path("stage").asInt() == 1) {
        assertFalse(c.path("eco").asText().startsWith("tcl_error"), c.toString());
      }
    }
    JsonNode quarantined = s.path("quarantined_ecos");
    assertEquals(4, quarantined.size(), quarantined.toString());
    String board = Files.readString(dir.resolve("out/contain/leaderboard.csv"));
    assertTrue(board.contains("segfault,placement_local,1,0,1,"), board);
    assertFalse(anyProcessNamed("sta"), "a killed trial left an sta process behind");
  }

  private static String ecoEntry(String name) {
    return "  - name: " + name + "\n    class: placement_local\n    tcl: " + name + ".tcl\n";
  }

  private static boolean anyProcessNamed(String name) {
    return ProcessHandle.allProcesses().anyMatch(p -> p.info().command()
        .map(c -> c.endsWith("/" + name)).orElse(false)
        && p.parent().map(pp -> pp.pid() == ProcessHandle.current().pid()).orElse(false));
  }
}
