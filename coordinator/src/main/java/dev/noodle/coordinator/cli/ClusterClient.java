package dev.noodle.coordinator.cli;

import dev.noodle.coordinator.cluster.NodeOptions;
import dev.noodle.coordinator.cluster.NoodleNode;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --cluster} option of commands that read a running cluster. */
final class ClusterClient {
  @Option(names = "--cluster", paramLabel = "ADDRESSES", split = ",",
      description = "Discovery addresses of the cluster (default: 127.0.0.1:47500..47509).")
  List<String> addresses = List.of(NodeOptions.DEFAULT_ADDRESSES);

  /** Joins the cluster as a client; the caller closes the node. */
  NoodleNode connect() throws IOException {
    return NoodleNode.start(NodeOptions.client(addresses));
  }
}
