package dev.noodle.coordinator.cluster;

import java.time.Duration;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a persistent cluster to the active state and keeps its baseline (the nodes that hold
 * the stored data) in step with the nodes that are there.
 *
 * <ul>
 *   <li>A new cluster, which has never had a baseline, is activated by its first server node.
 *   <li>A restarted cluster activates by itself once every node of its baseline is back. If
 *       some never return, it is activated without them after the baseline timeout.
 *   <li>While active, a node that leaves is dropped from the baseline, and a node that joins is
 *       added, once the topology has been stable for the baseline timeout.
 * </ul>
 *
 * <p>Every cache is replicated to every server node of the baseline, so a cluster activated
 * without some of its nodes still has all of its data.
 */
final class ClusterActivation {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterActivation.class);

  private ClusterActivation() {}

  /** Starts watching in a daemon thread; returns at once. */
  static void start(Ignite ignite, Duration timeout) {
    Thread t = new Thread(() -> watch(ignite, timeout), "noodle-activation");
    t.setDaemon(true);
    t.start();
  }

  private static void watch(Ignite ignite, Duration timeout) {
    try {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!ignite.cluster().state().active()) {
        if (ignite.cluster().currentBaselineTopology() == null) {
          LOG.info("New cluster activated [servers={}]",
              ignite.cluster().forServers().nodes().size());
          ignite.cluster().state(ClusterState.ACTIVE);
        } else if (System.nanoTime() > deadline) {
          LOG.warn("Baseline nodes missing after the baseline timeout; activating without them "
              + "[servers={}, baseline={}, timeoutSeconds={}]",
              ignite.cluster().forServers().nodes().size(),
              ignite.cluster().currentBaselineTopology().size(), timeout.toSeconds());
          ignite.cluster().state(ClusterState.ACTIVE);
          ignite.cluster().setBaselineTopology(ignite.cluster().topologyVersion());
        } else {
          Thread.sleep(500);
        }
      }
      if (!ignite.cluster().isBaselineAutoAdjustEnabled()
          || ignite.cluster().baselineAutoAdjustTimeout() != timeout.toMillis()) {
        ignite.cluster().baselineAutoAdjustTimeout(timeout.toMillis());
        ignite.cluster().baselineAutoAdjustEnabled(true);
      }
      LOG.info("Cluster active [servers={}, baseline={}]",
          ignite.cluster().forServers().nodes().size(),
          ignite.cluster().currentBaselineTopology().size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The node is stopping, or another node changed the state at the same moment.
      LOG.debug("Cluster activation watch ended [error={}]", e.toString());
    }
  }
}
