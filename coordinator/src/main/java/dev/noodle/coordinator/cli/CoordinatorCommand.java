package dev.noodle.coordinator.cli;

import dev.noodle.coordinator.cluster.NodeOptions;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code noodle coordinator}: the node that holds the cluster's state. */
@Command(
    name = "coordinator",
    mixinStandardHelpOptions = true,
    versionProvider = Noodle.Version.class,
    description = {"Start a coordinator node: it holds the cluster's trial records, provenance "
        + "and node activity (replicated to every server node) and runs no trials. Studies are "
        + "submitted with 'noodle run STUDY.yaml --cluster ADDRESSES'."},
    footer = {"", "Examples:",
        "  noodle coordinator",
        "  noodle coordinator --host 10.0.0.5 --addresses 10.0.0.5:47500..47509",
        "  noodle coordinator --config /etc/noodle/coordinator.yaml"})
final class CoordinatorCommand extends NodeCommand implements Callable<Integer> {
  @Override
  NodeOptions.Role role() {
    return NodeOptions.Role.COORDINATOR;
  }

  @Override
  String describe(NodeOptions o) {
    return "Coordinator on " + o.host() + ":" + o.discoveryPort();
  }

  @Override
  public Integer call() {
    try {
      return serve(options(readConfig(), 0, null, null));
    } catch (IOException e) {
      spec.commandLine().getErr().println("noodle: " + e.getMessage());
      return Noodle.BAD_INPUT;
    }
  }
}
