package dev.noodle.worker;

import java.nio.file.Path;
import java.util.List;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.DataStorageConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.failure.NoOpFailureHandler;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;

/** A real single-node Ignite cluster with Noodle's caches, for worker tests. */
final class TestNodes {
  private TestNodes() {}

  /**
   * Starts a node alone on loopback.
   *
   * @param name instance name, unique per test class
   * @param port discovery port, unique per test class so clusters never join each other
   * @param work Ignite's work directory
   */
  static Ignite start(String name, int port, Path work) {
    System.setProperty("IGNITE_UPDATE_NOTIFIER", "false");
    return Ignition.start(new IgniteConfiguration()
        .setIgniteInstanceName(name)
        .setWorkDirectory(work.toString())
        .setDiscoverySpi(new TcpDiscoverySpi()
            .setIpFinder(new TcpDiscoveryVmIpFinder().setAddresses(List.of("127.0.0.1:" + port)))
            .setLocalAddress("127.0.0.1").setLocalPort(port).setLocalPortRange(0))
        .setClientConnectorConfiguration(null)
        .setConnectorConfiguration(null)
        .setFailureHandler(new NoOpFailureHandler())
        .setDataStorageConfiguration(new DataStorageConfiguration()
            .setDefaultDataRegionConfiguration(new DataRegionConfiguration()
                .setInitialSize(16L << 20).setMaxSize(32L << 20))
            .setDataRegionConfigurations(TrialStore.liveRegion()))
        .setCacheConfiguration(TrialStore.cacheConfigurations()
            .toArray(new CacheConfiguration[0])));
  }
}
