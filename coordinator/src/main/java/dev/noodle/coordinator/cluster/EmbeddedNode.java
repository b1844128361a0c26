package dev.noodle.coordinator.cluster;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import dev.noodle.worker.TrialStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.DataStorageConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.failure.StopNodeFailureHandler;
import org.apache.ignite.logger.slf4j.Slf4jLogger;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single Ignite server node started in this process that is both coordinator and worker. It
 * listens on loopback only, on ports chosen free at start, and discovers no one else, so two
 * embedded runs on one machine never join each other.
 */
public final class EmbeddedNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNode.class);
  private static final long REGION_BYTES = 64L * 1024 * 1024;

  private final Ignite ignite;
  private final Path igniteWork;

  private EmbeddedNode(Ignite ignite, Path igniteWork) {
    this.ignite = ignite;
    this.igniteWork = igniteWork;
  }

  /**
   * Starts the node.
   *
   * @param slots trials run at once on this node
   * @param workRoot folder for trial work directories
   */
  public static EmbeddedNode start(int slots, Path workRoot) throws IOException {
    quietIgnite();
    Path igniteWork = Files.createTempDirectory("noodle-ignite-");
    String local = InetAddress.getLoopbackAddress().getHostAddress();
    int discoveryPort = freePort();
    int communicationPort = freePort();

    TcpDiscoveryVmIpFinder finder = new TcpDiscoveryVmIpFinder()
        .setAddresses(List.of(local + ":" + discoveryPort));
    TcpDiscoverySpi discovery = new TcpDiscoverySpi()
        .setIpFinder(finder)
        .setLocalAddress(local)
        .setLocalPort(discoveryPort)
        .setLocalPortRange(0);
    TcpCommunicationSpi communication = new TcpCommunicationSpi();
    communication.setLocalAddress(local);
    communication.setLocalPort(communicationPort);
    communication.setLocalPortRange(0);

    DataStorageConfiguration storage = new DataStorageConfiguration()
        .setDefaultDataRegionConfiguration(new DataRegionConfiguration()
            .setName("noodle")
            .setInitialSize(REGION_BYTES / 2)
            .setMaxSize(REGION_BYTES))
        .setSystemDataRegionConfiguration(new org.apache.ignite.configuration
            .SystemDataRegionConfiguration().setInitialSize(16L << 20).setMaxSize(32L << 20));

    IgniteConfiguration cfg = new IgniteConfiguration()
        .setIgniteInstanceName("noodle-embedded-" + ProcessHandle.current().pid())
        .setWorkDirectory(igniteWork.toString())
        .setGridLogger(new Slf4jLogger())
        .setDiscoverySpi(discovery)
        .setCommunicationSpi(communication)
        .setClientConnectorConfiguration(null)
        .setDataStorageConfiguration(storage)
        .setMetricsLogFrequency(0)
        .setPeerClassLoadingEnabled(false)
        .setFailureHandler(new StopNodeFailureHandler())
        .setPublicThreadPoolSize(Math.max(2, slots + 1))
        .setSystemThreadPoolSize(4)
        .setStripedPoolSize(2)
        .setDataStreamerThreadPoolSize(1)
        .setQueryThreadPoolSize(1)
        .setServiceThreadPoolSize(1)
        .setManagementThreadPoolSize(1)
        .setRebalanceThreadPoolSize(1)
        .setAsyncCallbackPoolSize(1)
        .setUserAttributes(Map.of(
            NodeRole.ROLES, "coordinator,worker",
            NodeRole.SLOTS, Integer.toString(slots),
            NodeRole.WORK_ROOT, workRoot.toString()))
        .setCacheConfiguration(TrialStore.cacheConfigurations()
            .toArray(new org.apache.ignite.configuration.CacheConfiguration[0]));
    long t0 = System.nanoTime();
    Ignite ignite = Ignition.start(cfg);
    LOG.info("Embedded node started [node={}, slots={}, discoveryPort={}, ms={}]",
        ignite.cluster().localNode().id(), slots, discoveryPort,
        (System.nanoTime() - t0) / 1_000_000);
    return new EmbeddedNode(ignite, igniteWork);
  }

  public Ignite ignite() {
    return ignite;
  }

  @Override
  public void close() {
    ignite.close();
    try {
      MoreFiles.deleteRecursively(igniteWork, RecursiveDeleteOption.ALLOW_INSECURE);
    } catch (IOException e) {
      LOG.debug("Ignite work directory not removed [dir={}, error={}]", igniteWork,
          e.getMessage());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(false);
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
