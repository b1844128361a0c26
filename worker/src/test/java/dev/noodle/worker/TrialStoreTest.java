package dev.noodle.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.eco.EcoCatalog;
import dev.noodle.common.trial.Failure;
import dev.noodle.common.trial.FailureType;
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

  @Test
  void aCommittedResultIsRecordedForReuseOnlyWhenItsInputsDecideIt() {
    TrialStore store = new TrialStore(ignite);
    ResultCache cache = new ResultCache(ignite);
    store.registerAll(List.of("s/ok", "s/lost", "s/stale"));

    int ok = store.claim("s/ok", "node-a").orElseThrow();
    assertTrue(store.commit("s/ok", "node-a", ok, result("node-a", ok, -5),
        provenance("node-a", ok), "inputs-ok"));
    int lost = store.claim("s/lost", "node-a").orElseThrow();
    TrialResult infra = new TrialResult("s", "lost", null, -1, 0,
        List.of(EcoCatalog.noopInstance()), TrialStatus.FAILED, null,
        Failure.of(FailureType.INFRASTRUCTURE, "no snapshot", ""), "node-a", "h", lost, "", "",
        "", 0, 0, List.of(), "sha", null);
    assertTrue(store.commit("s/lost", "node-a", lost, infra, provenance("node-a", lost),
        "inputs-lost"));
    int stale = store.claim("s/stale", "node-a").orElseThrow();
    assertFalse(store.commit("s/stale", "node-b", stale, result("node-b", stale, -1),
        provenance("node-b", stale), "inputs-stale"));

    assertEquals(-5, cache.find("inputs-ok").orElseThrow().result().metrics().wnsPs());
    assertTrue(cache.find("inputs-lost").isEmpty(), "an infrastructure failure is not reused");
    assertTrue(cache.find("inputs-stale").isEmpty(), "a refused commit records nothing");
  }
}
