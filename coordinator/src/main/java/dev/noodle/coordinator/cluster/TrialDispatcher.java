package dev.noodle.coordinator.cluster;

import dev.noodle.common.json.Json;
import dev.noodle.common.trial.Failure;
import dev.noodle.common.trial.FailureType;
import dev.noodle.common.trial.TrialRecord;
import dev.noodle.common.trial.TrialResult;
import dev.noodle.common.trial.TrialSpec;
import dev.noodle.common.trial.TrialStatus;
import dev.noodle.worker.NodeActivity;
import dev.noodle.worker.TrialExecutor;
import dev.noodle.worker.TrialJob;
import dev.noodle.worker.TrialStore;
import dev.noodle.worker.WorkerTools;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.lang.IgniteFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a batch of trials to the worker nodes of the cluster, never more at once on a node than
 * the slots it advertises, and waits until each has exactly one committed result.
 *
 * <p>Before a trial is sent, an attempt is claimed for the chosen node in the {@link TrialStore};
 * the job commits only if that attempt is still current. When a job is lost (its node left, or
 * it failed outside the trial), the attempt is released and the trial is sent again, up to
 * {@link #MAX_ATTEMPTS} times; after that the coordinator records an infrastructure failure.
 */
public final class TrialDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(TrialDispatcher.class);
  static final int MAX_ATTEMPTS = 3;
  private static final Duration ADOPTION_MARGIN = Duration.ofSeconds(60);

  private final Ignite ignite;
  private final TrialStore store;
  private final Duration noWorkerWait;
  /** The attempt number the next dispatch of each pending trial will ask the worker to take. */
  private final Map<String, Integer> nextAttempt = new HashMap<>();
  /** Trials whose attempt running on a live worker is waited for, by key. */
  private final Map<String, Adopted> adopted = new LinkedHashMap<>();
  /** How many times each trial's job was lost in this run. */
  private final Map<String, Integer> losses = new HashMap<>();
  /** Workers that said they are stopping, read from their activity at most once a second. */
  private Set<String> draining = Set.of();
  private long drainingReadAt;

  /**
   * @param noWorkerWait how long a trial waits for a worker that has its tools to join before it
   *     fails as an infrastructure failure
   */
  public TrialDispatcher(Ignite ignite, Duration noWorkerWait) {
    this.ignite = ignite;
    this.store = new TrialStore(ignite);
    this.noWorkerWait = noWorkerWait;
  }

  private record Done(TrialSpec spec, String node, int attempt, TrialResult result,
      Throwable error) {}

  /** A trial whose running attempt this dispatcher waits for; see {@link #adopt}. */
  private record Adopted(TrialSpec spec, String node, long deadline) {}

  /**
   * Runs every trial of {@code specs} and returns their results in the order of {@code specs}.
   * Trials already finished in the store are not run again.
   *
   * @param stop checked between dispatches; when true, no new trial is sent and the call returns
   *     once the running ones finish (unsent trials have no result)
   * @param onResult called on the calling thread for each result as it arrives
   */
  public List<TrialResult> run(List<TrialSpec> specs, BooleanSupplier stop,
      Consumer<TrialResult> onResult) {
    Map<String, TrialResult> results = new LinkedHashMap<>();
    Deque<TrialSpec> pending = new ArrayDeque<>();
    Map<String, TrialRecord> records = store.registerAll(
        specs.stream().map(TrialSpec::key).toList());
    nextAttempt.clear();
    losses.clear();
    BlockingQueue<Done> done = new LinkedBlockingQueue<>();
    Map<String, Integer> busy = new HashMap<>();
    adopted.clear();
    for (TrialSpec spec : specs) {
      TrialRecord rec = records.get(spec.key());
      if (rec.result() != null) {
        results.put(spec.key(), rec.result());
        onResult.accept(rec.result());
      } else if (rec.status() == TrialStatus.RUNNING && alive(rec.owner())) {
        adopt(spec, rec, busy);
      } else {
        requeue(spec, rec);
        pending.add(spec);
      }
    }
    Map<String, Long> waitingSince = new HashMap<>();
    int running = 0;
    while (!pending.isEmpty() || running > 0 || !adopted.isEmpty()) {
      if (!stop.getAsBoolean()) {
        running += dispatch(pending, busy, done);
        for (TrialResult r : unplaceable(pending, waitingSince)) {
          results.put(r.study() + "/" + r.caseName(), r);
          onResult.accept(r);
        }
      } else {
        pending.clear();
      }
      for (TrialResult r : settleAdopted(busy, pending)) {
        results.put(r.study() + "/" + r.caseName(), r);
        onResult.accept(r);
      }
      if (running == 0 && pending.isEmpty() && adopted.isEmpty()) {
        break;
      }
      // Wake up now and then even without a result: a worker may have joined or freed a slot.
      Done d = poll(done);
      if (d == null) {
        continue;
      }
      running--;
      busy.merge(d.node(), -1, Integer::sum);
      TrialResult result = settle(d, pending, busy);
      if (result != null) {
        results.put(d.spec().key(), result);
        onResult.accept(result);
      }
    }
    List<TrialResult> ordered = new ArrayList<>();
    for (TrialSpec spec : specs) {
      TrialResult r = results.get(spec.key());
      if (r != null) {
        ordered.add(r);
      }
    }
    return ordered;
  }

  /**
   * Results of adopted trials that have committed since the last look; an adopted trial whose
   * node has left goes back to {@code pending}.
   */
  private List<TrialResult> settleAdopted(Map<String, Integer> busy,
      Deque<TrialSpec> pending) {
    List<TrialResult> out = new ArrayList<>();
    long now = System.nanoTime();
    for (Iterator<Adopted> it = adopted.values().iterator(); it.hasNext(); ) {
      Adopted a = it.next();
      TrialSpec spec = a.spec();
      TrialRecord rec = store.get(spec.key()).orElseThrow();
      if (rec.result() != null) {
        out.add(rec.result());
      } else if (rec.status() == TrialStatus.RUNNING && alive(rec.owner())
          && now < a.deadline()) {
        continue;
      } else {
        requeue(spec, rec);
        pending.addFirst(spec);
      }
      it.remove();
      busy.merge(a.node(), -1, Integer::sum);
    }
    return out;
  }

  /**
   * Waits for a trial that a live worker is running under an attempt this dispatcher did not
   * see end: one sent by an earlier driver of the study, or one whose job's answer was lost on
   * the way back. It occupies a slot of that worker until its result commits, its node leaves,
   * or it passes its time limit by a minute (then it is sent again).
   */
  private void adopt(TrialSpec spec, TrialRecord rec, Map<String, Integer> busy) {
    long deadline = System.nanoTime() + Duration.ofSeconds(spec.timeoutSeconds())
        .plus(ADOPTION_MARGIN).toNanos();
    adopted.put(spec.key(), new Adopted(spec, rec.owner(), deadline));
    busy.merge(rec.owner(), 1, Integer::sum);
    LOG.info("Trial running on a live worker, waiting for its result [trial={}, node={}, "
        + "attempt={}]", spec.key(), rec.owner(), rec.attempt());
  }

  private Set<String> draining() {
    long now = System.nanoTime();
    if (now - drainingReadAt < 1_000_000_000L) {
      return draining;
    }
    drainingReadAt = now;
    try {
      Set<String> out = new HashSet<>();
      for (String doc : NodeActivity.all(ignite)) {
        com.fasterxml.jackson.databind.JsonNode n = Json.read(doc,
            com.fasterxml.jackson.databind.JsonNode.class);
        if (n.path("draining").asBoolean()) {
          out.add(n.path("id").asText());
        }
      }
      draining = out;
    } catch (RuntimeException e) {
      LOG.debug("Node activity not read; keeping the last draining set [error={}]", e.toString());
    }
    return draining;
  }

  /**
   * Makes a trial without a result ready to send: an attempt whose node has left is ended
   * first, and the next dispatch asks for the attempt after the record's current one.
   */
  private void requeue(TrialSpec spec, TrialRecord rec) {
    if (rec.status() == TrialStatus.RUNNING) {
      store.release(spec.key(), rec.attempt(), "lost: node " + rec.owner()
          + " left the cluster");
    }
    nextAttempt.put(spec.key(), rec.attempt() + 1);
  }

  private boolean alive(String node) {
    try {
      return node != null && ignite.cluster().node(java.util.UUID.fromString(node)) != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private List<ClusterNode> workers() {
    Set<String> draining = draining();
    List<ClusterNode> workers = new ArrayList<>(ignite.cluster().forServers()
        .forPredicate(n -> String.valueOf(n.<String>attribute(NodeRole.ROLES)).contains("worker"))
        .forPredicate(n -> !draining.contains(n.id().toString()))
        .nodes());
    workers.sort(Comparator.comparing(n -> n.id().toString()));
    return workers;
  }

  /**
   * True when the node advertises every tool of the trial that workers look for, or for a trial
   * in a container, a usable Docker engine holding its pinned image. Other
   * executables (a study's own wrapper, say) cannot be checked from here; a node without one
   * fails the trial as an infrastructure failure.
   */
  private static boolean canRun(ClusterNode node, TrialSpec spec) {
    if (spec.needsDocker()) {
      // The tools are in the image: the node needs Docker and that exact image, nothing else.
      return DockerImages.canRun(node, spec.container().imageId());
    }
    Set<String> tools = new HashSet<>(List.of(String.valueOf(
        node.<String>attribute(NodeRole.TOOLS)).split(",")));
    return spec.tools().stream().filter(WorkerTools.KNOWN::contains).allMatch(tools::contains);
  }

  /**
   * Trials no worker in the cluster can run (none has their tools) once they have waited
   * {@link #noWorkerWait}: they are taken out of {@code pending} and failed here.
   */
  private List<TrialResult> unplaceable(Deque<TrialSpec> pending, Map<String, Long> since) {
    List<ClusterNode> workers = workers();
    List<TrialResult> failed = new ArrayList<>();
    long now = System.nanoTime();
    for (Iterator<TrialSpec> it = pending.iterator(); it.hasNext(); ) {
      TrialSpec spec = it.next();
      if (workers.stream().anyMatch(n -> canRun(n, spec))) {
        since.remove(spec.key());
        continue;
      }
      long start = since.computeIfAbsent(spec.key(), k -> now);
      if (now - start >= noWorkerWait.toNanos()) {
        it.remove();
        String why = workers.isEmpty() ? "no worker node is in the cluster"
            : "no worker node has " + String.join(" and ", spec.tools()) + " on its PATH";
        failed.add(giveUp(spec, FailureType.INFRASTRUCTURE, why + " (waited "
            + noWorkerWait.toSeconds() + " s)"));
      }
    }
    return failed;
  }

  /** Sends pending trials to nodes with free slots; returns how many were sent. */
  private int dispatch(Deque<TrialSpec> pending, Map<String, Integer> busy,
      BlockingQueue<Done> done) {
    int sent = 0;
    for (ClusterNode node : workers()) {
      String id = node.id().toString();
      int slots = slots(node);
      while (busy.getOrDefault(id, 0) < slots) {
        TrialSpec spec = firstRunnable(pending, node);
        if (spec == null) {
          break;
        }
        Path workRoot = Path.of(String.valueOf(node.<String>attribute(NodeRole.WORK_ROOT)));
        int number = nextAttempt.get(spec.key());
        IgniteFuture<String> future = ignite.compute(ignite.cluster().forNode(node))
            .withNoFailover()
            .callAsync(new TrialJob(spec, number, workRoot));
        future.listen(f -> {
          Throwable error = null;
          TrialResult result = null;
          try {
            String json = f.get();
            if (json == null) {
              error = new IllegalStateException("attempt " + number + " was taken by another "
                  + "node or its result was refused as stale");
            } else {
              result = Json.read(json, TrialResult.class);
            }
          } catch (RuntimeException e) {
            error = e;
          }
          done.add(new Done(spec, id, number, result, error));
        });
        busy.merge(id, 1, Integer::sum);
        sent++;
        LOG.debug("Trial sent [trial={}, node={}, attempt={}]", spec.key(), id, number);
      }
    }
    return sent;
  }

  private static TrialSpec firstRunnable(Deque<TrialSpec> pending, ClusterNode node) {
    for (Iterator<TrialSpec> it = pending.iterator(); it.hasNext(); ) {
      TrialSpec spec = it.next();
      if (canRun(node, spec)) {
        it.remove();
        return spec;
      }
    }
    return null;
  }

  /**
   * The committed result of a finished job, or null when the trial goes back to pending or is
   * still running elsewhere.
   */
  private TrialResult settle(Done d, Deque<TrialSpec> pending, Map<String, Integer> busy) {
    if (d.result() != null) {
      return d.result();
    }
    TrialRecord rec = store.get(d.spec().key()).orElseThrow();
    if (rec.result() != null) {
      return rec.result();
    }
    if (rec.status() == TrialStatus.RUNNING && alive(rec.owner())) {
      // The record still shows an attempt running on a live worker. A job that ends on its
      // worker always ends its attempt (commit, refusal or hand-back), so this attempt is still
      // running there; only the answer was lost, when a node left, say. Sending the trial again
      // would run it twice at once.
      adopt(d.spec(), rec, busy);
      return null;
    }
    String why = d.error() == null ? "no result" : describe(d.error());
    LOG.warn("Trial attempt lost, sending it again [trial={}, node={}, attempt={}, error={}]",
        d.spec().key(), d.node(), d.attempt(), why);
    store.release(d.spec().key(), d.attempt(), "lost: " + why);
    if (losses.merge(d.spec().key(), 1, Integer::sum) >= MAX_ATTEMPTS) {
      return giveUp(d.spec(), FailureType.INFRASTRUCTURE, "the trial was lost " + MAX_ATTEMPTS
          + " times; last: " + why);
    }
    // Whether or not the lost job ever took its attempt, the next one follows the record.
    nextAttempt.put(d.spec().key(), rec.attempt() + 1);
    pending.addFirst(d.spec());
    return null;
  }

  /** The error and its innermost cause, which says what went wrong on the worker. */
  private static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = error.getClass().getSimpleName() + ": " + firstLine(error.getMessage());
    return root == error ? text : text + "; cause: " + root.getClass().getSimpleName() + ": "
        + firstLine(root.getMessage());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String line = message.lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + " ..." : line;
  }

  /** Records a failure decided here, by the coordinator, as the trial's one result. */
  private TrialResult giveUp(TrialSpec s, FailureType type, String reason) {
    String self = ignite.cluster().localNode().id().toString();
    int attempt = store.claim(s.key(), self).orElseThrow();
    Instant now = Instant.now();
    Failure failure = Failure.of(type, reason, "");
    TrialResult result = new TrialResult(s.study(), s.caseName(), s.parentCase(), s.stage(),
        s.index(), s.chain(), TrialStatus.FAILED, null, failure, self, "", attempt, "",
        now.toString(), now.toString(), 0, -1, List.of(), s.snapshotSha256(), null);
    store.commit(s.key(), self, attempt, result, TrialExecutor.provenance(s, result));
    return result;
  }

  private static int slots(ClusterNode node) {
    try {
      return Math.max(1, Integer.parseInt(String.valueOf(node.<String>attribute(NodeRole.SLOTS))));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static Done poll(BlockingQueue<Done> queue) {
    try {
      return queue.poll(500, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for trials", e);
    }
  }
}
