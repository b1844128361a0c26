package dev.noodle.coordinator.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.noodle.common.json.Json;
import dev.noodle.common.trial.TrialRecord;
import dev.noodle.coordinator.TestStudies;
import dev.noodle.coordinator.cli.Noodle;
import dev.noodle.worker.NodeActivity;
import dev.noodle.worker.TrialStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * One coordinator and three worker JVMs on loopback run a study of real {@code sta} trials;
 * one worker is killed with SIGKILL while it runs trials. The study must complete with exactly
 * one result per trial, the killed worker's trials run again elsewhere, and no worker may ever
 * run more trials at once than its slots.
 *
 * <p>Runs once by default; {@code -Dnoodle.failover.repeat=10} repeats it.
 */
class WorkerLossIT {
  private static final int SLOTS = 2;
  private static final int TRIALS = 64;

  // Kept when a test fails: the nodes' logs are in it.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @RepeatedTest(value = 1)
  void studyCompletesWhenAWorkerIsKilled() throws Exception {
    int repeat = Integer.getInteger("noodle.failover.repeat", 1);
    for (int i = 0; i < repeat; i++) {
      runOnce(dir.resolve("run" + i), 48700 + 20 * i % 200);
    }
  }

  private void runOnce(Path root, int basePort) throws Exception {
    Files.createDirectories(root);
    TestStudies.copyChainDesign(root);
    Files.writeString(root.resolve("pause.tcl"), "after $noodle_param(ms)\n");
    StringBuilder values = new StringBuilder();
    for (int k = 0; k < TRIALS; k++) {
      values.append(k == 0 ? "" : ", ").append(2500 + 7 * k);
    }
    Path study = TestStudies.write(root, "study.yaml", "name: failover\n"
        + TestStudies.chainDesign()
        + "custom_ecos:\n  - name: pause\n    class: placement_local\n    tcl: pause.tcl\n"
        + "    parameters:\n      - {name: ms, type: int, min: 1, max: 5000}\n"
        + "stages:\n  - trial_budget: " + TRIALS + "\n    survivors: 1\n    ecos:\n"
        + "      - eco: pause\n        parameters: {ms: [" + values + "]}\n");

    try (LocalCluster cluster = new LocalCluster(basePort, root.resolve("cluster"));
        NoodleNode observer = cluster.up(3, SLOTS)) {
      Ignite ignite = observer.ignite();
      Map<String, String> workRootToNode = new HashMap<>();
      for (ClusterNode n : ignite.cluster().forServers().nodes()) {
        workRootToNode.put(String.valueOf(n.<String>attribute(NodeRole.WORK_ROOT)),
            n.id().toString());
      }
      String victimId = workRootToNode.get(root.resolve("cluster/worker2").toString());

      CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Noodle.execute("run",
          study.toString(), "--cluster", cluster.addresses(), "--out",
          root.resolve("out").toString()));

      // While the study runs, the live picture is readable from another client.
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
          .ignoreExceptions().until(() -> done(ignite, victimId) >= 1);
      String live = commandOutput("nodes", "--cluster", cluster.addresses());
      assertEquals(3, live.lines().filter(l -> l.contains(" worker ")).count(), live);
      String status = commandOutput("status", "failover", "--cluster", cluster.addresses());
      assertTrue(status.contains("Study failover: running") && status.contains("stage 0"),
          status);

      // Kill only when the trial store itself shows the victim owning running attempts: the
      // activity record alone may lag behind on a loaded machine.
      TrialStore observed = new TrialStore(ignite);
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
          .ignoreExceptions().until(() -> running(ignite, victimId) == SLOTS
              && done(ignite, victimId) >= 2 && ownedRunning(observed, victimId) >= 1);
      cluster.victim(2).destroyForcibly();

      assertEquals(0, run.get());
      JsonNode summary = TestStudies.json(root.resolve("out/failover/summary.json"));
      assertEquals("completed", summary.path("status").asText());
      assertEquals(TRIALS + 1, summary.path("trials").path("total").asInt());
      assertEquals(0, summary.path("trials").path("failed").asInt(), summary.toString());

      TrialStore store = new TrialStore(ignite);
      Set<String> names = new HashSet<>();
      int rerun = 0;
      for (JsonNode c : summary.path("cases")) {
        String name = c.path("case_name").asText();
        assertTrue(names.add(name), "two results for " + name);
        TrialRecord rec = store.get("failover/" + name).orElseThrow();
        assertTrue(rec.result() != null && rec.status().finished(), name);
        boolean onVictim = rec.attempts().stream()
            .anyMatch(a -> a.node().equals(victimId) && !"committed".equals(a.outcome()));
        if (onVictim) {
          rerun++;
          assertFalse(rec.result().node().equals(victimId), name + " committed by the dead node");
          assertEquals(1, rec.attempts().stream()
              .filter(a -> "committed".equals(a.outcome())).count(), name);
        }
      }
      assertTrue(rerun >= 1, "the killed worker's in-flight trials were not re-run");
      for (String doc : NodeActivity.all(ignite)) {
        JsonNode n = Json.read(doc, JsonNode.class);
        assertTrue(n.path("max_running").asInt() <= n.path("slots").asInt(),
            "a worker ran more trials than its slots: " + doc);
      }
    }
  }

  /** Runs a command line in this JVM and returns what it printed. */
  static String commandOutput(String... args) {
    java.io.PrintStream saved = System.out;
    java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    try {
      System.setOut(new java.io.PrintStream(buffer, true,
          java.nio.charset.StandardCharsets.UTF_8));
      assertEquals(0, Noodle.execute(args), String.join(" ", args));
    } finally {
      System.setOut(saved);
    }
    return buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static long ownedRunning(TrialStore store, String node) {
    long count = 0;
    for (int k = 0; k < TRIALS; k++) {
      TrialRecord rec = store.get("failover/chain_0_" + k).orElse(null);
      if (rec != null && rec.ownedBy(node, rec.attempt())) {
        count++;
      }
    }
    return count;
  }

  private static int running(Ignite ignite, String node) {
    return activity(ignite, node).path("running").asInt();
  }

  private static int done(Ignite ignite, String node) {
    return activity(ignite, node).path("done").asInt();
  }

  private static JsonNode activity(Ignite ignite, String node) {
    for (String doc : NodeActivity.all(ignite)) {
      JsonNode n = Json.read(doc, JsonNode.class);
      if (n.path("id").asText().equals(node)) {
        return n;
      }
    }
    return Json.read("{}", JsonNode.class);
  }
}
