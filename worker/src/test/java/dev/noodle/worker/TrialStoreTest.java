package dev.noodle.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.eco.EcoCatalog;
import dev.noodle.common.trial.Metrics;
import dev.noodle.common.trial.Provenance;
import dev.noodle.common.trial.TrialRecord;
import dev.noodle.common.trial.TrialResult;
import dev.noodle.common.trial.TrialStatus;
import java.nio.file.Path;
import java.util.List;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fencing of trial results on a real single-node Ignite cluster. */
class TrialStoreTest {
  @TempDir
  static Path work;

  private static Ignite ignite;

  @BeforeAll
  static void start() {
    ignite = TestNodes.start("trial-store-test", 48610, work);
  }

  @AfterAll
  static void stop() {
    ignite.close();
  }

  private static TrialResult result(String node, int attempt, double wns) {
    return new TrialResult("s", "c_" + attempt, null, -1, 0, List.of(EcoCatalog.noopInstance()),
        TrialStatus.SUCCEEDED, new Metrics(wns, wns, wns, 1, null, "1ns"), null, node, "h",
        attempt, "", "", "", 0, 0, List.of(), "sha", null);
  }

  private static Provenance provenance(String node, int attempt) {
    return new Provenance(1, "s", "c", null, List.of(), "", "sha", List.of(), node, "h", attempt,
        "", "", "", "test", null);
  }

  @Test
  void onlyTheCurrentAttemptsOwnerCommits() {
    TrialStore store = new TrialStore(ignite);
    store.registerAll(List.of("s/fenced"));

    int first = store.claim("s/fenced", "node-a").orElseThrow();
    store.release("s/fenced", first, "node_left");
    int second = store.claim("s/fenced", "node-b").orElseThrow();

    assertFalse(store.commit("s/fenced", "node-a", first, result("node-a", first, -1),
        provenance("node-a", first)), "a stale attempt must not commit");
    assertTrue(store.commit("s/fenced", "node-b", second, result("node-b", second, -2),
        provenance("node-b", second)));
    assertFalse(store.commit("s/fenced", "node-b", second, result("node-b", second, -3),
        provenance("node-b", second)), "a result is committed once");

    TrialRecord rec = store.get("s/fenced").orElseThrow();
    assertEquals(TrialStatus.SUCCEEDED, rec.status());
    assertEquals(-2, rec.result().metrics().wnsPs());
    assertEquals(2, rec.attempts().size());
    assertEquals("node_left", rec.attempts().get(0).outcome());
    assertEquals("committed", rec.attempts().get(1).outcome());
    assertEquals("node-b", store.provenance("s/fenced").orElseThrow().node());
  }

  @Test
  void aFinishedTrialCannotBeClaimedAgain() {
    TrialStore store = new TrialStore(ignite);
    store.registerAll(List.of("s/done"));
    int attempt = store.claim("s/done", "node-a").orElseThrow();
    assertTrue(store.commit("s/done", "node-a", attempt, result("node-a", attempt, -1),
        provenance("node-a", attempt)));

    assertTrue(store.claim("s/done", "node-b").isEmpty());
    store.registerAll(List.of("s/done"));
    assertEquals(TrialStatus.SUCCEEDED, store.get("s/done").orElseThrow().status());
  }
}
