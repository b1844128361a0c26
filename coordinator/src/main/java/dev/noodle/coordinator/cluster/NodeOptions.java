package dev.noodle.coordinator.cluster;

import java.nio.file.Path;
import java.util.List;

/**
 * How to start a Noodle node.
 *
 * @param role what the node does
 * @param host address to listen on and advertise; null for every interface
 * @param discoveryPort first discovery port; 0 picks a free one (embedded mode)
 * @param discoveryPortRange further ports tried after {@code discoveryPort}
 * @param communicationPort first communication port; 0 picks a free one
 * @param addresses discovery addresses of the cluster ({@code host:port} or
 *     {@code host:port1..port2}); empty for a node that is a cluster on its own
 * @param slots trials run at once (workers)
 * @param workRoot folder for trial work directories and cached snapshots (workers)
 * @param labels free labels a worker advertises
 * @param dataDir folder of the node's persistent store (Ignite native persistence), or null for
 *     a node that keeps everything in memory
 * @param baselineTimeout how long a persistent cluster waits for a node that left, or for the
 *     nodes of an earlier start, before it carries on without them
 */
public record NodeOptions(Role role, String host, int discoveryPort, int discoveryPortRange,
    int communicationPort, List<String> addresses, int slots, Path workRoot,
    List<String> labels, Path dataDir, java.time.Duration baselineTimeout) {

  /** Default first discovery port of a lab cluster. */
  public static final int DISCOVERY_PORT = 47500;
  /** Default first communication port of a lab cluster. */
  public static final int COMMUNICATION_PORT = 47100;
  /** Default wait for missing baseline nodes, in seconds. */
  public static final int BASELINE_TIMEOUT_SECONDS = 60;
  /** Default discovery addresses: this machine's ports 47500 to 47509. */
  public static final String DEFAULT_ADDRESSES = "127.0.0.1:47500..47509";

  public NodeOptions {
    addresses = List.copyOf(addresses);
    labels = List.copyOf(labels);
  }

  /** What a node does in the cluster. */
  public enum Role {
    /** Coordinator and worker in one process, alone on loopback: {@code noodle run}. */
    EMBEDDED("coordinator,worker"),
    /** Runs trials. */
    WORKER("worker"),
    /** Holds the cluster's state; runs no trials. */
    COORDINATOR("coordinator"),
    /** Submits or watches studies; holds no data and runs no trials. */
    CLIENT("client");

    private final String roles;

    Role(String roles) {
      this.roles = roles;
    }

    public String roles() {
      return roles;
    }

    public boolean runsTrials() {
      return roles.contains("worker");
    }
  }

  /** Folder of the embedded node's store inside the output folder. */
  public static final String EMBEDDED_STORE = ".noodle-store";

  /**
   * An embedded node: loopback, free ports, no one else. Its store is {@code workRoot}'s
   * {@value #EMBEDDED_STORE}, so studies run in that output folder can be resumed and their
   * results reused.
   */
  public static NodeOptions embedded(int slots, Path workRoot) {
    return new NodeOptions(Role.EMBEDDED, "127.0.0.1", 0, 0, 0, List.of(), slots, workRoot,
        List.of(), workRoot.resolve(EMBEDDED_STORE), java.time.Duration.ZERO);
  }

  /**
   * A client of the cluster at {@code addresses}. It listens on loopback when the cluster is on
   * this machine, and on every interface otherwise, so nodes elsewhere can answer it.
   */
  public static NodeOptions client(List<String> addresses) {
    boolean local = addresses.stream().allMatch(a -> a.startsWith("127.")
        || a.startsWith("localhost"));
    return new NodeOptions(Role.CLIENT, local ? "127.0.0.1" : null, DISCOVERY_PORT, 100, 0,
        addresses, 0, Path.of("."), List.of(), null, java.time.Duration.ZERO);
  }
}
