package dev.noodle.coordinator.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.noodle.common.json.Json;
import dev.noodle.common.trial.TrialRecord;
import dev.noodle.coordinator.TestStudies;
import dev.noodle.coordinator.cli.Noodle;
import dev.noodle.worker.NodeActivity;
import dev.noodle.worker.TrialStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study's driver dies, or the whole cluster does, at a random point of a multi-stage study
 * of real {@code sta} trials, on a cluster of one coordinator and worker JVMs with native
 * persistence; {@code noodle resume} continues it. No finished trial may run again, every
 * trial ends with exactly one result, and the summary equals that of an uninterrupted run.
 *
 * <p>{@code -Dnoodle.resume.seed=N} replays the kill points of an earlier run (printed on
 * failure); {@code -Dnoodle.resume.iterations=N} changes how many kills are tried.
 */
class ResumeIT {
  private static final int TOTAL = 1 + 6 + 6 + 4;
  private static final int ITERATIONS = Integer.getInteger("noodle.resume.iterations", 10);

  // Kept when a test fails: the nodes' logs are in it.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void killedDriverIsResumedToTheSameSummary() throws Exception {
    long seed = Long.getLong("noodle.resume.seed", System.nanoTime());
    Random random = new Random(seed);
    Path out = dir.resolve("out");
    try (LocalCluster cluster = new LocalCluster(49000, dir.resolve("cluster"));
        NoodleNode observer = cluster.up(3, 2)) {
      String addresses = cluster.addresses();
      assertEquals(0, Noodle.execute("run", study("reference").toString(), "--cluster",
          addresses, "--out", out.toString(), "--no-cache"));
      JsonNode expected = comparable(out.resolve("reference/summary.json"));
      assertEquals("completed", expected.path("status").asText());
      assertEquals(TOTAL, expected.path("trials").path("total").asInt());

      for (int i = 0; i < ITERATIONS; i++) {
        String name = "kill" + i;
        int killAfter = random.nextInt(TOTAL);
        String context = "seed=" + seed + ", iteration " + i + ", killed after " + killAfter
            + " results";
        Process driver = cluster.command("driver-" + name, List.of("run",
            study(name).toString(), "--cluster", addresses, "--out", out.toString(),
            "--no-cache"));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
            .ignoreExceptions().until(() -> !driver.isAlive()
                || (defined(observer.ignite(), name)
                    && results(observer.ignite(), name).size() >= killAfter));
        driver.destroyForcibly().waitFor();
        Map<String, TrialRecord> before = results(observer.ignite(), name);

        assertEquals(0, Noodle.execute("resume", name, "--cluster", addresses, "--out",
            out.toString()), context);

        assertEquals(expected, comparable(out.resolve(name + "/summary.json")), context);
        assertEachTrialRanOnce(observer.ignite(), name, before, context);
      }

      // SIGTERM: running trials finish, the driver exits 0 and says how to resume.
      Process driver = cluster.command("driver-term", List.of("run",
          study("term").toString(), "--cluster", addresses, "--out", out.toString(),
          "--no-cache", "--grace", "60"));
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
          .ignoreExceptions().until(() -> results(observer.ignite(), "term").size() >= 8);
      driver.destroy();
      assertEquals(0, driver.waitFor());
      String log = Files.readString(cluster.log("driver-term"));
      assertTrue(log.contains("Resume it with: noodle resume term"), log);
      assertEquals(0, Noodle.execute("resume", "term", "--cluster", addresses, "--out",
          out.toString()));
      assertEquals(expected, comparable(out.resolve("term/summary.json")));
      assertEachTrialRanOnce(observer.ignite(), "term", Map.of(), "after SIGTERM");

      // A worker stopped with SIGTERM takes no new trial and finishes the ones it runs.
      String worker3 = null;
      for (ClusterNode n : observer.ignite().cluster().forServers().nodes()) {
        if (String.valueOf(n.<String>attribute(NodeRole.WORK_ROOT)).endsWith("worker3")) {
          worker3 = n.id().toString();
        }
      }
      String drained = worker3;
      CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Noodle.execute(
          "run", studyQuietly("drain"), "--cluster", addresses, "--out", out.toString(),
          "--no-cache"));
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
          .ignoreExceptions().until(() -> running(observer.ignite(), drained) >= 1);
      cluster.victim(3).destroy();
      assertEquals(0, run.get());
      assertTrue(cluster.victim(3).waitFor(60, TimeUnit.SECONDS), "worker 3 did not stop");
      assertEachTrialRanOnce(observer.ignite(), "drain", Map.of(), "worker drained");
      assertTrue(results(observer.ignite(), "drain").values().stream()
          .anyMatch(r -> r.result().node().equals(drained)), "worker 3 finished no trial");
    }
  }

  private static int running(Ignite ignite, String node) {
    for (String doc : NodeActivity.all(ignite)) {
      JsonNode n = Json.read(doc, JsonNode.class);
      if (n.path("id").asText().equals(node)) {
        return n.path("running").asInt();
      }
    }
    return 0;
  }

  private String studyQuietly(String name) {
    try {
      return study(name).toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void wholeClusterKilledAndRestartedWithoutOneNodeLosesNothing() throws Exception {
    Path out = dir.resolve("out");
    Map<String, TrialRecord> before;
    try (LocalCluster cluster = new LocalCluster(49200, dir.resolve("cluster"))) {
      String addresses = cluster.addresses();
      Process driver;
      try (NoodleNode observer = cluster.up(2, 2)) {
        driver = cluster.command("driver", List.of("run", study("restart").toString(),
            "--cluster", addresses, "--out", out.toString(), "--no-cache"));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
            .ignoreExceptions().until(() -> results(observer.ignite(), "restart").size() >= 9);
        before = results(observer.ignite(), "restart");
      }
      driver.destroyForcibly();
      for (Process p : cluster.nodes()) {
        p.destroyForcibly();
      }
      driver.waitFor();
      for (Process p : cluster.nodes()) {
        p.waitFor();
      }

      // Worker 2 never comes back: after the baseline timeout the cluster goes on without it.
      cluster.coordinator();
      cluster.worker(1, 2);
      cluster.awaitClient();
      assertEquals(0, Noodle.execute("resume", "restart", "--cluster", addresses, "--out",
          out.toString()));

      JsonNode summary = TestStudies.json(out.resolve("restart/summary.json"));
      assertEquals("completed", summary.path("status").asText());
      assertEquals(TOTAL, summary.path("trials").path("total").asInt());
      try (NoodleNode observer = NoodleNode.start(NodeOptions.client(List.of(addresses)))) {
        Map<String, TrialRecord> after = results(observer.ignite(), "restart");
        assertEquals(TOTAL, after.size());
        for (Map.Entry<String, TrialRecord> e : before.entrySet()) {
          TrialRecord now = after.get(e.getKey());
          assertEquals(e.getValue().result().startedAt(), now.result().startedAt(),
              e.getKey() + " ran again after the restart");
          assertEquals(e.getValue().attempts(), now.attempts(), e.getKey());
        }
      }

      // The same study again: every trial takes its recorded result and no tool runs.
      assertEquals(0, Noodle.execute("run", study("restart").toString(), "--cluster",
          addresses, "--out", out.toString()));
      JsonNode again = TestStudies.json(out.resolve("restart/summary.json"));
      assertEquals(TOTAL, again.path("trials").path("reused").asInt(), again.toString());
      for (JsonNode c : again.path("cases")) {
        assertEquals("restart/" + c.path("case_name").asText(), c.path("reused_from").asText());
      }
    }
  }

  /** Every trial has one attempt, committed; results seen before the kill are unchanged. */
  private static void assertEachTrialRanOnce(Ignite ignite, String study,
      Map<String, TrialRecord> before, String context) {
    Map<String, TrialRecord> all = results(ignite, study);
    assertEquals(TOTAL, all.size(), context);
    for (Map.Entry<String, TrialRecord> e : all.entrySet()) {
      TrialRecord rec = e.getValue();
      assertNotNull(rec.result(), e.getKey() + ", " + context);
      assertNull(rec.result().reusedFrom(), e.getKey() + ", " + context);
      assertEquals(1, rec.attempts().size(), e.getKey() + " ran more than once: "
          + rec.attempts() + ", " + context);
      assertEquals("committed", rec.attempts().get(0).outcome(), e.getKey() + ", " + context);
      TrialRecord earlier = before.get(e.getKey());
      if (earlier != null) {
        assertEquals(earlier.result().startedAt(), rec.result().startedAt(), context);
      }
    }
  }

  /** The trials of {@code study} that have a committed result, by key. */
  private static Map<String, TrialRecord> results(Ignite ignite, String study) {
    Map<String, TrialRecord> out = new TreeMap<>();
    ignite.<String, String>cache(TrialStore.TRIALS).forEach(e -> {
      if (e.getKey().startsWith(study + "/")) {
        TrialRecord rec = Json.read(e.getValue(), TrialRecord.class);
        if (rec.result() != null) {
          out.put(e.getKey(), rec);
        }
      }
    });
    return out;
  }

  private static boolean defined(Ignite ignite, String study) {
    return new TrialStore(ignite).study(study + "#definition").isPresent();
  }

  /** A summary without what differs between two runs of the same study: names and times. */
  private static JsonNode comparable(Path summary) {
    ObjectNode s = (ObjectNode) TestStudies.json(summary);
    s.remove(List.of("study", "started_at", "ended_at", "wall_seconds"));
    ((ObjectNode) s.path("snapshot")).remove("dir");
    return s;
  }

  /** Three stages of real sta trials, long enough for a kill to land inside a stage. */
  private Path study(String name) throws Exception {
    Path folder = dir.resolve("studies");
    Files.createDirectories(folder);
    if (!Files.exists(folder.resolve("chain.v"))) {
      TestStudies.copyChainDesign(folder);
      Files.writeString(folder.resolve("pause.tcl"), "after $noodle_param(ms)\n");
    }
    return TestStudies.write(folder, name + ".yaml", "name: " + name + "\n"
        + TestStudies.chainDesign()
        + "custom_ecos:\n  - name: pause\n    class: placement_local\n    tcl: pause.tcl\n"
        + "    parameters:\n      - {name: ms, type: int, min: 1, max: 5000}\n"
        + "stages:\n"
        + "  - trial_budget: 6\n    survivors: 2\n    ecos:\n"
        + "      - eco: pause\n        parameters: {ms: [300, 500, 700, 900, 1100, 1300]}\n"
        + "  - trial_budget: 6\n    survivors: 2\n    ecos:\n"
        + "      - eco: upsize_critical\n        parameters: {paths: [1, 2, 5], steps: [1, 2]}\n"
        + "  - trial_budget: 4\n    survivors: 1\n    ecos:\n"
        + "      - eco: pause\n        parameters: {ms: [200, 400]}\n"
        + "      - eco: buffer_fanout\n        parameters: {max_fanout: [2, 4]}\n");
  }
}
