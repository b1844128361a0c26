package dev.noodle.worker;

import dev.noodle.common.json.Json;
import dev.noodle.common.trial.TrialResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;

/**
 * What one node has been doing: trials running now, finished, failed, the most it ever ran at
 * once, and when it last spoke. Held in the node's local map and published to the
 * {@value TrialStore#NODES} cache on every change and on a heartbeat, so {@code noodle nodes}
 * reads the live picture from any machine. Thread-safe.
 */
public final class NodeActivity {
  private static final String KEY = "noodle.activity";

  private final Ignite ignite;
  private final Map<String, Object> identity;
  private int running;
  private int maxRunning;
  private long done;
  private long failed;
  private long totalMillis;
  private boolean draining;

  private NodeActivity(Ignite ignite, Map<String, Object> identity) {
    this.ignite = ignite;
    this.identity = identity;
  }

  /**
   * Registers this node's activity record.
   *
   * @param identity fixed facts: roles, host, slots, tools, labels
   */
  public static NodeActivity install(Ignite ignite, Map<String, Object> identity) {
    NodeActivity activity = new NodeActivity(ignite, new LinkedHashMap<>(identity));
    ignite.cluster().nodeLocalMap().put(KEY, activity);
    try {
      activity.publish();
    } catch (RuntimeException e) {
      // A restarted persistent cluster is inactive until its nodes are back; the heartbeat
      // publishes the record then.
    }
    return activity;
  }

  /** This node's activity record, or null on a node that runs no trials. */
  public static NodeActivity of(Ignite ignite) {
    return (NodeActivity) ignite.cluster().nodeLocalMap().get(KEY);
  }

  /**
   * Marks this node as stopping: drivers send it no new trial. Published at once.
   */
  public synchronized void drain() {
    draining = true;
    publish();
  }

  public synchronized int running() {
    return running;
  }

  public synchronized void started() {
    running++;
    maxRunning = Math.max(maxRunning, running);
    publish();
  }

  public synchronized void finished(TrialResult result) {
    running--;
    done++;
    if (result == null || !result.succeeded()) {
      failed++;
    }
    if (result != null) {
      totalMillis += result.wallMillis();
    }
    publish();
  }

  /**
   * Writes the current record to the cluster; also the heartbeat. Under the record's lock, so
   * the last record written is always the latest state, never an older one overtaking it.
   */
  public synchronized void publish() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("id", ignite.cluster().localNode().id().toString());
    doc.putAll(identity);
    doc.put("running", running);
    doc.put("max_running", maxRunning);
    doc.put("done", done);
    doc.put("failed", failed);
    doc.put("mean_trial_millis", done == 0 ? null : totalMillis / done);
    doc.put("draining", draining);
    doc.put("last_heartbeat", Instant.now().toString());
    IgniteCache<String, String> nodes = ignite.cache(TrialStore.NODES);
    if (nodes != null) {
      nodes.put(ignite.cluster().localNode().id().toString(), Json.write(doc));
    }
  }

  /**
   * Every node record in the cluster, as JSON documents. A scan that meets the cluster while
   * nodes join or leave is tried again a few times.
   */
  public static List<String> all(Ignite ignite) {
    IgniteCache<String, String> nodes = ignite.cache(TrialStore.NODES);
    RuntimeException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        List<String> out = new java.util.ArrayList<>();
        nodes.forEach(e -> out.add(e.getValue()));
        return out;
      } catch (RuntimeException e) {
        last = e;
        try {
          Thread.sleep(200);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw last;
  }
}
