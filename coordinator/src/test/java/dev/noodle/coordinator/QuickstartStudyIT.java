package dev.noodle.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.noodle.coordinator.cli.Noodle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference study, run twice end to end with the real Yosys and OpenSTA on an embedded
 * Ignite node: it completes, improves on the base case, and gives the same metrics both times.
 */
class QuickstartStudyIT {
  @TempDir
  static Path out;

  private static JsonNode first;
  private static JsonNode second;
  private static JsonNode again;

  @BeforeAll
  static void runTwice() {
    Path study = TestStudies.repoRoot().resolve("studies/quickstart/study.yaml");
    assertEquals(0, Noodle.execute("run", study.toString(), "--out", out.resolve("a").toString()));
    assertEquals(0, Noodle.execute("run", study.toString(), "--out", out.resolve("b").toString()));
    first = TestStudies.json(out.resolve("a/quickstart/summary.json"));
    second = TestStudies.json(out.resolve("b/quickstart/summary.json"));
    // Once more in the same folder: its store has every trial's result already.
    assertEquals(0, Noodle.execute("run", study.toString(), "--out", out.resolve("b").toString()));
    again = TestStudies.json(out.resolve("b/quickstart/summary.json"));
  }

  @Test
  void rerunReusesEveryTrialAndRunsNoTool() {
    int total = again.path("trials").path("total").asInt();
    assertEquals(first.path("trials").path("total").asInt(), total);
    assertEquals(total, again.path("trials").path("reused").asInt(), again.toString());
    for (JsonNode c : again.path("cases")) {
      String name = c.path("case_name").asText();
      assertEquals("quickstart/" + name, c.path("reused_from").asText(), c.toString());
      Path dir = out.resolve("b/quickstart/trials").resolve(name);
      assertFalse(Files.exists(dir.resolve("sta.stdout.log")), name + " ran sta");
      assertEquals("quickstart/" + name,
          TestStudies.json(dir.resolve("provenance.json")).path("reused_from").asText());
    }
    assertEquals(second.path("best"), stripReuse(again.path("best")));
  }

  private static JsonNode stripReuse(JsonNode line) {
    com.fasterxml.jackson.databind.node.ObjectNode copy =
        (com.fasterxml.jackson.databind.node.ObjectNode) line.deepCopy();
    copy.putNull("reused_from");
    return copy;
  }

  @Test
  void completesAndBeatsTheBaseCase() {
    assertEquals("completed", first.path("status").asText());
    double base = first.path("base").path("wns_ps").asDouble();
    double best = first.path("best").path("wns_ps").asDouble();
    assertTrue(base < 0, "the base case must violate timing, WNS " + base);
    assertTrue(best > base, "best WNS " + best + " must beat base " + base);
    assertEquals(3, first.path("stages").size());
    for (JsonNode stage : first.path("stages")) {
      assertTrue(stage.path("trials").asInt() >= 8, "stage " + stage);
      assertTrue(stage.path("survivors").asInt() >= 1, "stage " + stage);
    }
  }

  @Test
  void everyTrialHasMetricsOrAClassifiedFailure() {
    int total = first.path("trials").path("total").asInt();
    assertEquals(total, first.path("cases").size());
    for (JsonNode c : first.path("cases")) {
      boolean metrics = c.path("wns_ps").isNumber() && c.path("tns_ps").isNumber();
      boolean failure = !c.path("failure_type").asText("").isEmpty();
      assertTrue(metrics ^ failure, "case " + c);
    }
  }

  @Test
  void sameStudyGivesTheSameMetricsPerTrial() {
    assertEquals(first.path("cases").size(), second.path("cases").size());
    for (int i = 0; i < first.path("cases").size(); i++) {
      JsonNode a = first.path("cases").get(i);
      JsonNode b = second.path("cases").get(i);
      assertEquals(a.path("case_name"), b.path("case_name"));
      assertEquals(a.path("chain"), b.path("chain"));
      for (String key : new String[] {"wns_ps", "tns_ps", "violating_endpoints", "area_um2"}) {
        assertEquals(a.path(key), b.path(key), key + " of " + a.path("case_name"));
      }
    }
    assertEquals(first.path("snapshot").path("sha256"), second.path("snapshot").path("sha256"));
  }

  @Test
  void eachTrialWritesMetricsProvenanceAndArtifactIndex() throws Exception {
    Path studyDir = out.resolve("a/quickstart");
    for (String f : new String[] {"summary.md", "leaderboard.json", "leaderboard.csv",
        "lineage.dot", "snapshot/manifest.json", "snapshot/netlist.v"}) {
      assertTrue(Files.isRegularFile(studyDir.resolve(f)), f);
    }
    String sha = first.path("snapshot").path("sha256").asText();
    Set<String> names = new HashSet<>();
    for (JsonNode c : first.path("cases")) {
      String name = c.path("case_name").asText();
      names.add(name);
      Path dir = studyDir.resolve("trials").resolve(name);
      JsonNode prov = TestStudies.json(dir.resolve("provenance.json"));
      assertEquals(sha, prov.path("snapshot_sha256").asText());
      JsonNode step = prov.path("steps").get(prov.path("steps").size() - 1);
      assertEquals("sta", step.path("tool").asText());
      assertTrue(step.path("tool_version").asText().startsWith("2."), step.toString());
      assertTrue(step.path("command").toString().contains("trial.tcl"), step.toString());
      JsonNode index = TestStudies.json(dir.resolve("artifact_index.json"));
      Set<String> listed = new HashSet<>();
      index.path("files").forEach(e -> listed.add(e.path("path").asText()));
      assertTrue(listed.containsAll(Set.of("metrics.json", "provenance.json", "trial.tcl",
          "sta.stdout.log", "netlist.v")), listed.toString());
    }
    assertEquals(first.path("trials").path("total").asInt(), names.size());
    String dot = Files.readString(studyDir.resolve("lineage.dot"));
    assertTrue(dot.startsWith("digraph lineage"));
    assertTrue(dot.contains("\"mac_alu\" -> \"mac_alu_0_0\""), dot);
  }
}
