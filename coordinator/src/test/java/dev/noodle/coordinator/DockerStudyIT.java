package dev.noodle.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.noodle.coordinator.cli.Noodle;
import dev.noodle.worker.docker.ToolImageUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Studies whose trials run in containers of the real tool image on the real Docker engine. */
class DockerStudyIT {
  private static String image;

  @TempDir
  Path dir;

  @BeforeAll
  static void engineAndImage() {
    image = ToolImageUnderTest.image();
  }

  @AfterEach
  void noContainerLeftBehind() throws Exception {
    assertEquals(List.of(), ToolImageUnderTest.engine().trialContainers(),
        "containers left behind");
  }

  @Test
  void quickstartGivesTheSameMetricsInDockerAsLocally() throws Exception {
    Path study = TestStudies.repoRoot().resolve("studies/quickstart/study.yaml");

    assertEquals(0, Noodle.execute("run", study.toString(), "--no-cache", "--runner", "local",
        "--out", dir.resolve("local").toString()));
    assertEquals(0, Noodle.execute("run", study.toString(), "--no-cache", "--runner", "docker",
        "--image", image, "--out", dir.resolve("docker").toString()));

    JsonNode local = TestStudies.json(dir.resolve("local/quickstart/summary.json"));
    JsonNode docker = TestStudies.json(dir.resolve("docker/quickstart/summary.json"));
    assertEquals("completed", docker.path("status").asText());
    assertEquals(local.path("cases").size(), docker.path("cases").size());
    for (int i = 0; i < local.path("cases").size(); i++) {
      JsonNode a = local.path("cases").get(i);
      JsonNode b = docker.path("cases").get(i);
      assertEquals(a.path("case_name"), b.path("case_name"));
      assertEquals(a.path("chain"), b.path("chain"));
      for (String key : new String[] {"wns_ps", "tns_ps", "violating_endpoints", "area_um2"}) {
        assertEquals(a.path(key), b.path(key), key + " of " + a.path("case_name"));
      }
    }
    String id = ToolImageUnderTest.engine().inspect(image).orElseThrow().id();
    Path trials = dir.resolve("docker/quickstart/trials");
    for (JsonNode c : docker.path("cases")) {
      JsonNode prov = TestStudies.json(trials.resolve(c.path("case_name").asText())
          .resolve("provenance.json"));
      JsonNode step = prov.path("steps").get(prov.path("steps").size() - 1);
      assertEquals(id, step.path("container").path("image_id").asText(), step.toString());
      assertEquals("none", step.path("container").path("network").asText());
      assertTrue(step.path("tool_version").asText().startsWith("2."), step.toString());
    }
  }

  @Test
  void crashingExhaustingAndEndlessEcosAreContainedWhileTheStudyGoesOn() throws Exception {
    TestStudies.copyChainDesign(dir);
    Files.writeString(dir.resolve("segfault.tcl"), "exec kill -SEGV [pid]\nafter 5000\n");
    Files.writeString(dir.resolve("exhaust.tcl"),
        "set s x\nwhile {1} { append s [string repeat x 1000000] }\n");
    Files.writeString(dir.resolve("endless.tcl"), "after 600000\n");
    Path study = TestStudies.write(dir, "study.yaml", "name: contain\n"
        + TestStudies.chainDesign()
        + "trial_timeout_seconds: 8\n"
        + "runner: docker\n"
        + "container: {image: " + image + ", cpus: 1, memory_mb: 128}\n"
        + "custom_ecos:\n"
        + ecoEntry("segfault") + ecoEntry("exhaust") + ecoEntry("endless")
        + "stages:\n"
        + "  - trial_budget: 4\n    survivors: 2\n    abort: {max_failure_rate: 1.0}\n"
        + "    ecos:\n"
        + "      - eco: upsize_critical\n        parameters: {paths: 5}\n"
        + "      - eco: segfault\n      - eco: exhaust\n      - eco: endless\n"
        + "  - trial_budget: 2\n    survivors: 1\n    abort: {max_failure_rate: 1.0}\n"
        + "    ecos:\n"
        + "      - eco: upsize_critical\n        parameters: {paths: 9}\n");

    assertEquals(0, Noodle.execute("run", study.toString(), "--out", dir.resolve("out")
        .toString()));

    JsonNode s = TestStudies.json(dir.resolve("out/contain/summary.json"));
    assertEquals("completed", s.path("status").asText());
    Map<String, String> types = new HashMap<>();
    Map<String, String> reasons = new HashMap<>();
    for (JsonNode c : s.path("cases")) {
      String eco = c.path("eco").asText().replaceAll("\\(.*", "");
      types.merge(eco, c.path("failure_type").asText(""), (x, y) -> x.isEmpty() ? y : x);
      reasons.put(eco, c.path("failure_reason").asText(""));
    }
    assertEquals("", types.get("upsize_critical"));
    assertEquals("tool_crash", types.get("segfault"));
    assertTrue(reasons.get("segfault").contains("signal 11"), reasons.get("segfault"));
    assertEquals("oom", types.get("exhaust"), reasons.get("exhaust"));
    assertEquals("timeout", types.get("endless"), reasons.get("endless"));
    JsonNode board = TestStudies.json(dir.resolve("out/contain/leaderboard.json"));
    for (JsonNode row : board.path("ecos")) {
      String eco = row.path("eco").asText();
      if (List.of("segfault", "exhaust", "endless").contains(eco)) {
        assertEquals(1, row.path("failed").asInt(), row.toString());
        assertFalse(row.path("prior").asText().equals("trusted"), row.toString());
      }
    }
    assertTrue(s.path("stages").get(1).path("trials").asInt() >= 1, s.toString());
  }

  private static String ecoEntry(String name) {
    return "  - name: " + name + "\n    class: placement_local\n    tcl: " + name + ".tcl\n";
  }
}
