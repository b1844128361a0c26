package dev.noodle.coordinator.cluster;

import dev.noodle.common.trial.Failure;
import dev.noodle.common.trial.FailureType;
import dev.noodle.common.trial.TrialRecord;
import dev.noodle.common.trial.TrialResult;
import dev.noodle.common.trial.TrialSpec;
import dev.noodle.common.trial.TrialStatus;
import dev.noodle.worker.TrialExecutor;
import dev.noodle.worker.TrialJob;
import dev.noodle.worker.TrialStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  private final Ignite ignite;
  private final TrialStore store;

  public TrialDispatcher(Ignite ignite) {
    this.ignite = ignite;
    this.store = new TrialStore(ignite);
  }

  private record Done(TrialSpec spec, String node, int attempt, Throwable error) {}

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
    for (TrialSpec spec : specs) {
      store.register(spec.key());
      TrialRecord rec = store.get(spec.key()).orElseThrow();
      if (rec.result() != null) {
        results.put(spec.key(), rec.result());
      } else {
        pending.add(spec);
      }
    }
    BlockingQueue<Done> done = new LinkedBlockingQueue<>();
    Map<String, Integer> busy = new HashMap<>();
    int running = 0;
    while (!pending.isEmpty() || running > 0) {
      if (!stop.getAsBoolean()) {
        running += dispatch(pending, busy, done);
      } else {
        pending.clear();
      }
      if (running == 0) {
        if (!pending.isEmpty()) {
          throw new IllegalStateException("no worker node with free slots is in the cluster");
        }
        break;
      }
      Done d = take(done);
      running--;
      busy.merge(d.node(), -1, Integer::sum);
      TrialResult result = settle(d, pending);
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

  /** Sends pending trials to nodes with free slots; returns how many were sent. */
  private int dispatch(Deque<TrialSpec> pending, Map<String, Integer> busy,
      BlockingQueue<Done> done) {
    int sent = 0;
    List<ClusterNode> workers = new ArrayList<>(ignite.cluster().forServers()
        .forPredicate(n -> String.valueOf(n.<String>attribute(NodeRole.ROLES)).contains("worker"))
        .nodes());
    workers.sort(Comparator.comparing(n -> n.id().toString()));
    for (ClusterNode node : workers) {
      String id = node.id().toString();
      int slots = slots(node);
      while (!pending.isEmpty() && busy.getOrDefault(id, 0) < slots) {
        TrialSpec spec = pending.poll();
        var attempt = store.claim(spec.key(), id);
        if (attempt.isEmpty()) {
          continue;
        }
        Path workRoot = Path.of(String.valueOf(node.<String>attribute(NodeRole.WORK_ROOT)));
        int number = attempt.get();
        IgniteFuture<Boolean> future = ignite.compute(ignite.cluster().forNode(node))
            .withNoFailover()
            .callAsync(new TrialJob(spec, number, workRoot));
        future.listen(f -> {
          Throwable error = null;
          try {
            if (!Boolean.TRUE.equals(f.get())) {
              error = new IllegalStateException("the result of attempt " + number
                  + " was refused as stale");
            }
          } catch (RuntimeException e) {
            error = e;
          }
          done.add(new Done(spec, id, number, error));
        });
        busy.merge(id, 1, Integer::sum);
        sent++;
        LOG.debug("Trial sent [trial={}, node={}, attempt={}]", spec.key(), id, number);
      }
    }
    return sent;
  }

  /** The committed result of a finished job, or null when the trial goes back to pending. */
  private TrialResult settle(Done d, Deque<TrialSpec> pending) {
    TrialRecord rec = store.get(d.spec().key()).orElseThrow();
    if (rec.result() != null) {
      return rec.result();
    }
    String why = d.error() == null ? "no result" : d.error().getClass().getSimpleName() + ": "
        + d.error().getMessage();
    LOG.warn("Trial attempt lost, sending it again [trial={}, node={}, attempt={}, error={}]",
        d.spec().key(), d.node(), d.attempt(), why);
    store.release(d.spec().key(), d.attempt(), "lost: " + why);
    if (rec.attempt() >= MAX_ATTEMPTS) {
      return giveUp(d, why);
    }
    pending.addFirst(d.spec());
    return null;
  }

  private TrialResult giveUp(Done d, String why) {
    String self = ignite.cluster().localNode().id().toString();
    int attempt = store.claim(d.spec().key(), self).orElseThrow();
    Instant now = Instant.now();
    Failure failure = Failure.of(FailureType.INFRASTRUCTURE, "the trial was lost "
        + MAX_ATTEMPTS + " times; last: " + why, "");
    TrialSpec s = d.spec();
    TrialResult result = new TrialResult(s.study(), s.caseName(), s.parentCase(), s.stage(),
        s.index(), s.chain(), TrialStatus.FAILED, null, failure, self, "", attempt, "",
        now.toString(), now.toString(), 0, -1, List.of(), s.snapshotSha256());
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

  private static Done take(BlockingQueue<Done> queue) {
    try {
      Done d;
      while ((d = queue.poll(1, TimeUnit.SECONDS)) == null) {
        // Waiting for a job to end; results arrive through the listener.
      }
      return d;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for trials", e);
    }
  }
}
