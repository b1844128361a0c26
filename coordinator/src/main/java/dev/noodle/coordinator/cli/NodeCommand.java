package dev.noodle.coordinator.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.noodle.coordinator.cluster.NodeOptions;
import dev.noodle.coordinator.cluster.NoodleNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Starts a long-running node of a lab cluster and keeps it up until SIGTERM or SIGINT. Settings
 * come from {@code --config} (YAML) and then from flags, which win.
 */
abstract class NodeCommand {
  @Spec
  CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE",
      description = "YAML file with node settings: host, port, port_range, communication_port, "
          + "addresses, slots, work_dir, labels, data_dir, baseline_timeout_seconds. Flags "
          + "override it.")
  Path config;

  @Option(names = "--host", paramLabel = "ADDRESS",
      description = "Address to listen on and advertise (default: 127.0.0.1).")
  String host;

  @Option(names = "--port", paramLabel = "PORT",
      description = "First discovery port (default: 47500).")
  Integer port;

  @Option(names = "--port-range", paramLabel = "N",
      description = "Further discovery ports tried when PORT is taken (default: 9).")
  Integer portRange;

  @Option(names = "--communication-port", paramLabel = "PORT",
      description = "First communication port (default: 47100).")
  Integer communicationPort;

  @Option(names = "--addresses", paramLabel = "ADDRESSES", split = ",",
      description = "Discovery addresses of the cluster, host:port or host:port1..port2 "
          + "(default: 127.0.0.1:47500..47509). Never multicast.")
  List<String> addresses;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Folder of this node's persistent store: trial records, provenance, study "
          + "state and snapshots survive a restart there (default: WORK_DIR/store). Give each "
          + "node on a machine its own.")
  Path dataDir;

  @Option(names = "--baseline-timeout", paramLabel = "SECONDS",
      description = "How long the cluster waits for a node that left, or after a restart for "
          + "the nodes it had before, before it goes on without them (default: 60).")
  Integer baselineTimeout;

  @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "120",
      description = "On SIGTERM or Ctrl-C a worker takes no new trial and lets its running "
          + "ones finish for this long; the rest are handed back to run elsewhere "
          + "(default: ${DEFAULT-VALUE}).")
  int grace;

  /** Node settings as the config file spells them. */
  record NodeFile(String host, Integer port, Integer portRange, Integer communicationPort,
      List<String> addresses, Integer slots, String workDir, List<String> labels,
      String dataDir, Integer baselineTimeoutSeconds) {}

  abstract NodeOptions.Role role();

  abstract String describe(NodeOptions options);

  /** Slots, work folder and labels; only workers have them. */
  NodeOptions options(NodeFile file, Integer slots, Path workDir, List<String> labels) {
    Path work = first(workDir, file.workDir() == null ? null : Path.of(file.workDir()),
        Path.of("noodle-work"));
    return new NodeOptions(role(),
        first(host, file.host(), "127.0.0.1"),
        first(port, file.port(), NodeOptions.DISCOVERY_PORT),
        first(portRange, file.portRange(), 9),
        first(communicationPort, file.communicationPort(), NodeOptions.COMMUNICATION_PORT),
        first(addresses, file.addresses(), List.of(NodeOptions.DEFAULT_ADDRESSES)),
        first(slots, file.slots(), Runtime.getRuntime().availableProcessors()),
        work,
        first(labels, file.labels(), List.of()),
        first(dataDir, file.dataDir() == null ? null : Path.of(file.dataDir()),
            work.resolve("store")),
        java.time.Duration.ofSeconds(first(baselineTimeout, file.baselineTimeoutSeconds(),
            NodeOptions.BASELINE_TIMEOUT_SECONDS)));
  }

  NodeFile readConfig() throws IOException {
    if (config == null) {
      return new NodeFile(null, null, null, null, null, null, null, null, null, null);
    }
    JsonMapper mapper = JsonMapper.builder(new YAMLFactory())
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
    if (!Files.isRegularFile(config)) {
      throw new IOException(config + ": node config file not found");
    }
    try {
      return mapper.readValue(config.toFile(), NodeFile.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(config + ": " + e.getOriginalMessage() + "; fix: use the keys host, "
          + "port, port_range, communication_port, addresses, slots, work_dir, labels, data_dir, "
          + "baseline_timeout_seconds", e);
    }
  }

  /** Why {@code options} cannot start a node, or null when they can. */
  static String problem(NodeOptions o) {
    if (o.discoveryPort() < 1 || o.discoveryPort() + o.discoveryPortRange() > 65535
        || o.discoveryPortRange() < 0) {
      return "discovery ports " + o.discoveryPort() + ".." + (o.discoveryPort()
          + o.discoveryPortRange()) + " are not valid TCP ports; use ports within 1..65535";
    }
    if (o.communicationPort() < 1 || o.communicationPort() + 100 > 65535) {
      return "communication port " + o.communicationPort() + " is not valid; use a port within "
          + "1..65435";
    }
    if (o.baselineTimeout().isNegative()) {
      return "--baseline-timeout must be 0 or more seconds, got " + o.baselineTimeout()
          .toSeconds();
    }
    for (String a : o.addresses()) {
      if (!a.matches("[^:\\s]+(:\\d{1,5}(\\.\\.\\d{1,5})?)?")) {
        return "address '" + a + "' is not host, host:port or host:port1..port2";
      }
    }
    return null;
  }

  /** Starts the node and blocks until the process is asked to stop. */
  int serve(NodeOptions options) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String problem = grace < 0 ? "--grace must be 0 or more seconds, got " + grace
        : problem(options);
    if (problem != null) {
      err.println("noodle: " + problem);
      err.flush();
      return Noodle.BAD_INPUT;
    }
    NoodleNode node;
    try {
      node = NoodleNode.start(options);
    } catch (IOException | RuntimeException e) {
      err.println("noodle: the node could not start: " + e.getMessage());
      err.flush();
      return Noodle.INTERNAL;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    dev.noodle.worker.ProcessRunner.exitGrace(java.time.Duration.ofSeconds(grace));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      node.drain(java.time.Duration.ofSeconds(grace));
      node.close();
      stopped.countDown();
    }, "noodle-stop"));
    out.println(describe(options) + " up as node " + node.ignite().cluster().localNode().id()
        + "; stop it with Ctrl-C or SIGTERM.");
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static <T> T first(T flag, T file, T fallback) {
    return flag != null ? flag : file != null ? file : fallback;
  }
}
