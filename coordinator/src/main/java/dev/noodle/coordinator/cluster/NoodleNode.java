package dev.noodle.coordinator.cluster;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import dev.noodle.worker.DockerEngine;
import dev.noodle.worker.NodeActivity;
import dev.noodle.worker.TrialStore;
import dev.noodle.worker.WorkerTools;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.Ignition;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.DataStorageConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.configuration.SystemDataRegionConfiguration;
import org.apache.ignite.configuration.WALMode;
import org.apache.ignite.failure.StopNodeFailureHandler;
import org.apache.ignite.logger.slf4j.Slf4jLogger;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Noodle node: one Ignite node with the roles, slots and tools it advertises. Discovery uses
 * a static address list, never multicast. Worker nodes publish their activity to the cluster
 * on every trial and on a two-second heartbeat.
 */
public final class NoodleNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NoodleNode.class);
  private static final long REGION_BYTES = 64L * 1024 * 1024;
  private static final long JOIN_TIMEOUT_MS = 15_000;
  private static final java.util.concurrent.atomic.AtomicInteger SEQUENCE =
      new java.util.concurrent.atomic.AtomicInteger();

  private final Ignite ignite;
  /** The in-memory node's scratch folder, removed on close; null for a persistent node. */
  private final Path igniteWork;
  private final ScheduledExecutorService heartbeat;

  private NoodleNode(Ignite ignite, Path igniteWork, ScheduledExecutorService heartbeat) {
    this.ignite = ignite;
    this.igniteWork = igniteWork;
    this.heartbeat = heartbeat;
  }

  /** Starts a node; a client that finds no cluster fails with a message naming the addresses. */
  public static NoodleNode start(NodeOptions options) throws IOException {
    quietIgnite();
    boolean persistent = options.dataDir() != null;
    Path igniteWork = persistent ? Files.createDirectories(options.dataDir().toAbsolutePath())
        : Files.createTempDirectory("noodle-ignite-");
    String host = options.host();
    int discoveryPort = options.discoveryPort() == 0 ? freePort() : options.discoveryPort();
    int communicationPort = options.communicationPort() == 0 ? freePort()
        : options.communicationPort();
    List<String> addresses = options.addresses().isEmpty()
        ? List.of(host + ":" + discoveryPort) : options.addresses();

    TcpDiscoverySpi discovery = new TcpDiscoverySpi()
        .setIpFinder(new TcpDiscoveryVmIpFinder().setAddresses(addresses))
        .setLocalAddress(host)
        .setLocalPort(discoveryPort)
        .setLocalPortRange(options.discoveryPortRange())
        .setJoinTimeout(options.role() == NodeOptions.Role.CLIENT ? JOIN_TIMEOUT_MS : 0);
    TcpCommunicationSpi communication = new TcpCommunicationSpi();
    communication.setLocalAddress(host);
    communication.setLocalPort(communicationPort);
    communication.setLocalPortRange(options.communicationPort() == 0 ? 0 : 100);

    Set<String> tools = options.role().runsTrials() ? WorkerTools.detect() : Set.of();
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put(NodeRole.ROLES, options.role().roles());
    attributes.put(NodeRole.SLOTS, Integer.toString(options.slots()));
    attributes.put(NodeRole.WORK_ROOT, options.workRoot().toAbsolutePath().toString());
    attributes.put(NodeRole.TOOLS, String.join(",", tools));
    attributes.put(NodeRole.LABELS, String.join(",", options.labels()));
    boolean docker = options.role().runsTrials() && DockerEngine.shared().usable();
    attributes.put(NodeRole.DOCKER, Boolean.toString(docker));
    attributes.put(NodeRole.DOCKER_IMAGES,
        docker ? DockerImages.attribute(DockerEngine.shared().images()) : "");

    IgniteConfiguration cfg = new IgniteConfiguration()
        .setIgniteInstanceName("noodle-" + options.role().name().toLowerCase(java.util.Locale.ROOT)
            + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet())
        .setClientMode(options.role() == NodeOptions.Role.CLIENT)
        .setWorkDirectory(igniteWork.toString())
        .setGridLogger(new Slf4jLogger())
        .setDiscoverySpi(discovery)
        .setCommunicationSpi(communication)
        .setClientConnectorConfiguration(null)
        .setConnectorConfiguration(null)
        .setDataStorageConfiguration(storage(persistent))
        .setMetricsLogFrequency(0)
        .setPeerClassLoadingEnabled(false)
        .setFailureHandler(new StopNodeFailureHandler())
        .setPublicThreadPoolSize(Math.max(2, options.slots() + 1))
        .setSystemThreadPoolSize(4)
        .setStripedPoolSize(2)
        .setDataStreamerThreadPoolSize(1)
        .setQueryThreadPoolSize(1)
        .setServiceThreadPoolSize(1)
        .setManagementThreadPoolSize(1)
        .setRebalanceThreadPoolSize(1)
        .setAsyncCallbackPoolSize(1)
        .setUserAttributes(attributes)
        .setCacheConfiguration(TrialStore.cacheConfigurations()
            .toArray(new CacheConfiguration[0]));
    long t0 = System.nanoTime();
    Ignite ignite;
    // A client that finds no cluster gets one clear message below, not Ignite's stack traces.
    ch.qos.logback.classic.Logger igniteLog = (ch.qos.logback.classic.Logger)
        LoggerFactory.getLogger("org.apache.ignite");
    ch.qos.logback.classic.Level level = igniteLog.getLevel();
    if (options.role() == NodeOptions.Role.CLIENT) {
      igniteLog.setLevel(ch.qos.logback.classic.Level.OFF);
    }
    try {
      ignite = Ignition.start(cfg);
    } catch (IgniteException e) {
      if (!persistent) {
        deleteQuietly(igniteWork);
      }
      if (options.role() == NodeOptions.Role.CLIENT) {
        throw new IOException("no Noodle cluster answered at " + String.join(", ", addresses)
            + " within " + JOIN_TIMEOUT_MS / 1000 + " s; start one with 'noodle coordinator' and "
            + "'noodle worker', or check --cluster", e);
      }
      throw e;
    } finally {
      igniteLog.setLevel(level);
    }
    LOG.info("Node started [node={}, role={}, slots={}, tools={}, discoveryPort={}, ms={}]",
        ignite.cluster().localNode().id(), options.role(), options.slots(), tools,
        discoveryPort, (System.nanoTime() - t0) / 1_000_000);
    if (persistent && options.role() == NodeOptions.Role.EMBEDDED) {
      // Alone on loopback: the node is the whole baseline, so it can activate at once.
      ignite.cluster().state(org.apache.ignite.cluster.ClusterState.ACTIVE);
    } else if (persistent) {
      ClusterActivation.start(ignite, options.baselineTimeout());
    }
    ScheduledExecutorService beat = null;
    if (options.role().runsTrials()) {
      Map<String, Object> identity = new LinkedHashMap<>();
      identity.put("host", hostName());
      identity.put("roles", options.role().roles());
      identity.put("slots", options.slots());
      identity.put("tools", List.copyOf(tools));
      identity.put("labels", options.labels());
      identity.put("work_root", options.workRoot().toAbsolutePath().toString());
      identity.put("started_at", java.time.Instant.now().toString());
      NodeActivity activity = NodeActivity.install(ignite, identity);
      beat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "noodle-heartbeat");
        t.setDaemon(true);
        return t;
      });
      beat.scheduleAtFixedRate(() -> {
        try {
          activity.publish();
        } catch (RuntimeException e) {
          LOG.debug("Heartbeat not published [error={}]", e.toString());
        }
      }, 2, 2, TimeUnit.SECONDS);
    }
    return new NoodleNode(ignite, persistent ? null : igniteWork, beat);
  }

  /**
   * Memory for the caches. A persistent node keeps every cache in its store under the data
   * folder, with a write-ahead log synced on every commit, so a result that was committed
   * survives the node's process being killed or its machine losing power.
   */
  private static DataStorageConfiguration storage(boolean persistent) {
    DataStorageConfiguration storage = new DataStorageConfiguration()
        .setDefaultDataRegionConfiguration(new DataRegionConfiguration()
            .setName("noodle").setInitialSize(REGION_BYTES / 2).setMaxSize(REGION_BYTES)
            .setPersistenceEnabled(persistent))
        .setDataRegionConfigurations(TrialStore.liveRegion())
        .setSystemDataRegionConfiguration(new SystemDataRegionConfiguration()
            .setInitialSize(16L << 20).setMaxSize(32L << 20));
    if (persistent) {
      storage.setWalMode(WALMode.FSYNC)
          .setWalSegmentSize(4 << 20)
          .setWalSegments(4)
          .setMaxWalArchiveSize(64L << 20)
          .setCheckpointFrequency(30_000);
    }
    return storage;
  }

  /**
   * Waits until the cluster is active, at most {@code timeout}: a persistent cluster that was
   * restarted becomes active only when its nodes are back.
   *
   * @return true when active
   */
  public boolean awaitActive(java.time.Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!ignite.cluster().state().active()) {
      if (System.nanoTime() > end) {
        return false;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  public Ignite ignite() {
    return ignite;
  }

  /**
   * Stops taking trials and waits up to {@code grace} for the running ones to end; those still
   * running after it are handed back when the node stops. Returns at once on a node that runs
   * no trials.
   */
  public void drain(java.time.Duration grace) {
    NodeActivity activity = NodeActivity.of(ignite);
    if (activity == null) {
      return;
    }
    activity.drain();
    LOG.info("Worker draining [node={}, running={}, graceSeconds={}]",
        ignite.cluster().localNode().id(), activity.running(), grace.toSeconds());
    long end = System.nanoTime() + grace.toNanos();
    while (activity.running() > 0 && System.nanoTime() < end) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    if (heartbeat != null) {
      heartbeat.shutdownNow();
    }
    ignite.close();
    if (igniteWork != null) {
      deleteQuietly(igniteWork);
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      MoreFiles.deleteRecursively(dir, RecursiveDeleteOption.ALLOW_INSECURE);
    } catch (IOException e) {
      LOG.debug("Ignite work directory not removed [dir={}, error={}]", dir, e.getMessage());
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    }
  }

  private static void quietIgnite() {
    System.setProperty("IGNITE_UPDATE_NOTIFIER", "false");
    System.setProperty("IGNITE_QUIET", "false");
    System.setProperty("IGNITE_NO_ASCII", "true");
    System.setProperty("IGNITE_PERFORMANCE_SUGGESTIONS_DISABLED", "true");
    System.setProperty("IGNITE_NO_SHUTDOWN_HOOK", "true");
    System.setProperty("java.net.preferIPv4Stack", "true");
  }
}
