package dev.noodle.worker;

import dev.noodle.common.json.Json;
import dev.noodle.common.trial.Provenance;
import dev.noodle.common.trial.TrialRecord;
import dev.noodle.common.trial.TrialResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CacheAtomicityMode;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable trial state in the cluster: one record per trial, changed only inside pessimistic
 * transactions. A result is committed only by the node that owns the trial's current attempt,
 * so a job that ran twice (failover is at-least-once) or a node that came back after it was
 * given up on cannot overwrite the one result.
 *
 * <p>Values are JSON documents, so every node reads them without sharing classes' binary
 * layouts and a person can read them with any cache tool.
 */
public final class TrialStore {
  public static final String TRIALS = "noodle-trials";
  public static final String PROVENANCE = "noodle-provenance";
  public static final String STUDIES = "noodle-studies";
  /** Per-node activity documents, written by each worker; atomic, not transactional. */
  public static final String NODES = "noodle-nodes";
  /**
   * Data region for what only matters while nodes are up (node activity): kept in memory even
   * on a persistent node, so a restart does not bring back nodes that are gone.
   */
  public static final String LIVE_REGION = "noodle-live";
  private static final Logger LOG = LoggerFactory.getLogger(TrialStore.class);
  private static final int TOPOLOGY_RETRIES = 20;

  private final Ignite ignite;
  private final IgniteCache<String, String> trials;
  private final IgniteCache<String, String> provenance;
  private final IgniteCache<String, String> studies;
  private final IgniteCache<String, String> results;

  public TrialStore(Ignite ignite) {
    this.ignite = ignite;
    this.trials = ignite.cache(TRIALS);
    this.provenance = ignite.cache(PROVENANCE);
    this.studies = ignite.cache(STUDIES);
    this.results = ignite.cache(ResultCache.CACHE);
  }

  /** The in-memory data region {@link #LIVE_REGION} that the node activity cache lives in. */
  public static org.apache.ignite.configuration.DataRegionConfiguration liveRegion() {
    return new org.apache.ignite.configuration.DataRegionConfiguration()
        .setName(LIVE_REGION).setInitialSize(16L << 20).setMaxSize(16L << 20)
        .setPersistenceEnabled(false);
  }

  /** The replicated, transactional caches Noodle needs; every node declares them. */
  public static List<CacheConfiguration<String, ?>> cacheConfigurations() {
    return List.of(cache(TRIALS), cache(PROVENANCE), cache(STUDIES), cache(ResultCache.CACHE),
        new CacheConfiguration<String, byte[]>(SnapshotCache.BLOBS)
            .setCacheMode(CacheMode.REPLICATED)
            .setAtomicityMode(CacheAtomicityMode.ATOMIC),
        new CacheConfiguration<String, String>(NODES)
            .setDataRegionName(LIVE_REGION)
            .setCacheMode(CacheMode.REPLICATED)
            .setAtomicityMode(CacheAtomicityMode.ATOMIC));
  }

  private static CacheConfiguration<String, String> cache(String name) {
    return new CacheConfiguration<String, String>(name)
        .setCacheMode(CacheMode.REPLICATED)
        .setAtomicityMode(CacheAtomicityMode.TRANSACTIONAL)
        .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC);
  }

  /**
   * Forgets every trial record and provenance of {@code study}: a new run of a study starts
   * from nothing, even when the cluster still holds an earlier run of the same name.
   */
  public void forgetStudy(String study) {
    String prefix = study + "/";
    retrying(() -> {
      java.util.Set<String> keys = new java.util.HashSet<>();
      trials.forEach(e -> {
        if (e.getKey().startsWith(prefix)) {
          keys.add(e.getKey());
        }
      });
      trials.removeAll(keys);
      provenance.removeAll(keys);
      return null;
    });
  }

  /**
   * Adds a pending record for every trial not yet known, and returns every trial's record.
   * One batch for the whole stage: a thousand trials cost two round trips, not two thousand.
   */
  public Map<String, TrialRecord> registerAll(List<String> keys) {
    return retrying(() -> {
      Map<String, String> known = trials.getAll(new java.util.LinkedHashSet<>(keys));
      Map<String, String> fresh = new java.util.LinkedHashMap<>();
      Map<String, TrialRecord> out = new java.util.LinkedHashMap<>();
      for (String key : keys) {
        String json = known.get(key);
        TrialRecord rec = json == null ? TrialRecord.pending(key)
            : Json.read(json, TrialRecord.class);
        if (json == null) {
          fresh.put(key, Json.write(rec));
        }
        out.put(key, rec);
      }
      if (!fresh.isEmpty()) {
        trials.putAll(fresh);
      }
      return out;
    });
  }

  public Optional<TrialRecord> get(String key) {
    return Optional.ofNullable(retrying(() -> trials.get(key)))
        .map(j -> Json.read(j, TrialRecord.class));
  }

  /**
   * Starts attempt {@code expected} owned by {@code node}, but only if the record's current
   * attempt is the one before it and the trial has no result: the coordinator decides the
   * attempt number, the worker that runs it takes it. A late or duplicate job finds the number
   * taken and runs nothing.
   *
   * @return true when this node now owns attempt {@code expected}
   */
  public boolean claimAttempt(String key, String node, int expected) {
    boolean[] tried = {false};
    return retrying(() -> {
      boolean retry = tried[0];
      tried[0] = true;
      try (Transaction tx = begin()) {
        TrialRecord rec = read(key);
        if (retry && rec.ownedBy(node, expected)) {
          // A retry after a topology change: the first try took the attempt after all.
          return true;
        }
        if (rec.result() != null || rec.attempt() != expected - 1) {
          return false;
        }
        trials.put(key, Json.write(rec.claim(node, now())));
        tx.commit();
        return true;
      }
    });
  }

  /**
   * Starts a new attempt owned by {@code node}; returns its number, or empty when the trial
   * already has a result.
   */
  public Optional<Integer> claim(String key, String node) {
    return retrying(() -> claimOnce(key, node));
  }

  private Optional<Integer> claimOnce(String key, String node) {
    try (Transaction tx = begin()) {
      TrialRecord rec = read(key);
      if (rec.result() != null) {
        return Optional.empty();
      }
      TrialRecord next = rec.claim(node, now());
      trials.put(key, Json.write(next));
      tx.commit();
      return Optional.of(next.attempt());
    }
  }

  /** Ends the current attempt without a result, when it is still {@code attempt}. */
  public void release(String key, int attempt, String outcome) {
    retrying(() -> {
      try (Transaction tx = begin()) {
        TrialRecord rec = read(key);
        if (rec.result() == null && rec.attempt() == attempt) {
          trials.put(key, Json.write(rec.release(now(), outcome)));
        }
        tx.commit();
      }
      return null;
    });
  }

  /**
   * Commits a result and its provenance if {@code node} still owns {@code attempt}.
   *
   * @return true when committed, false when the attempt was stale and nothing was written
   */
  public boolean commit(String key, String node, int attempt, TrialResult result,
      Provenance prov) {
    return commit(key, node, attempt, result, prov, null);
  }

  /**
   * Commits a result as {@link #commit(String, String, int, TrialResult, Provenance)} does
   * and, in the same transaction, records it in the {@link ResultCache} under
   * {@code inputs} when its outcome follows from its inputs; a null {@code inputs} records
   * nothing there.
   */
  public boolean commit(String key, String node, int attempt, TrialResult result,
      Provenance prov, String inputs) {
    boolean[] tried = {false};
    return retrying(() -> {
      boolean retry = tried[0];
      tried[0] = true;
      return commitOnce(key, node, attempt, result, prov, inputs, retry);
    });
  }

  /**
   * @param retry true when an earlier try met a topology change: it may have committed
   *     before the error reached this node, and then the commit is done
   */
  private boolean commitOnce(String key, String node, int attempt, TrialResult result,
      Provenance prov, String inputs, boolean retry) {
    try (Transaction tx = begin()) {
      TrialRecord rec = read(key);
      if (retry && rec.result() != null && rec.attempt() == attempt
          && node.equals(rec.owner())) {
        // A retry after a topology change: the first try committed after all.
        return true;
      }
      if (!rec.ownedBy(node, attempt)) {
        LOG.warn("Stale trial result refused [trial={}, node={}, attempt={}, current={}]", key,
            node, attempt, rec.attempt());
        return false;
      }
      trials.put(key, Json.write(rec.complete(result, now())));
      provenance.put(key, Json.write(prov));
      if (inputs != null && ResultCache.worthKeeping(result)) {
        results.put(inputs, Json.write(new ResultCache.Entry(inputs, result, prov, now())));
      }
      tx.commit();
      return true;
    }
  }

  public Optional<Provenance> provenance(String key) {
    return Optional.ofNullable(retrying(() -> provenance.get(key)))
        .map(j -> Json.read(j, Provenance.class));
  }

  /** Stores a study's state document (status, stage, best so far). */
  public void putStudy(String study, String json) {
    retrying(() -> {
      studies.put(study, json);
      return null;
    });
  }

  /** A study document: its live state, its summary or its definition. */
  public Optional<String> study(String key) {
    return Optional.ofNullable(retrying(() -> studies.get(key)));
  }

  /** Every study document by key. */
  public Map<String, String> studies() {
    return retrying(() -> {
      Map<String, String> all = new java.util.TreeMap<>();
      studies.forEach(e -> all.put(e.getKey(), e.getValue()));
      return all;
    });
  }

  /**
   * Runs a cache operation again when it met a topology change (a node left while it held a
   * lock or a partition): such an operation had no effect and is safe to repeat.
   */
  private static <T> T retrying(java.util.function.Supplier<T> op) {
    for (int attempt = 1; ; attempt++) {
      try {
        return op.get();
      } catch (RuntimeException e) {
        if (attempt >= TOPOLOGY_RETRIES || !topologyChange(e)) {
          throw e;
        }
        LOG.debug("Cache operation met a topology change, retrying [attempt={}, error={}]",
            attempt, e.toString());
        try {
          Thread.sleep(100L * attempt);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static boolean topologyChange(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.apache.ignite.cluster.ClusterTopologyException
          || t instanceof org.apache.ignite.internal.cluster.ClusterTopologyCheckedException
          || t instanceof org.apache.ignite.transactions.TransactionRollbackException) {
        return true;
      }
    }
    return false;
  }

  private TrialRecord read(String key) {
    String json = trials.get(key);
    if (json == null) {
      throw new IllegalStateException("unknown trial " + key);
    }
    return Json.read(json, TrialRecord.class);
  }

  private Transaction begin() {
    return ignite.transactions().txStart(TransactionConcurrency.PESSIMISTIC,
        TransactionIsolation.REPEATABLE_READ);
  }

  private static String now() {
    return Instant.now().toString();
  }
}
