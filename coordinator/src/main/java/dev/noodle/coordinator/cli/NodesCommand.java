package dev.noodle.coordinator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.noodle.common.json.Json;
import dev.noodle.coordinator.cluster.NodeRole;
import dev.noodle.coordinator.cluster.NoodleNode;
import dev.noodle.worker.NodeActivity;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code noodle nodes}: every node of the cluster with its live activity. */
@Command(
    name = "nodes",
    mixinStandardHelpOptions = true,
    versionProvider = Noodle.Version.class,
    description = "List the cluster's nodes: id, host, role, slots, tools, running, done, "
        + "failed, mean trial time and last heartbeat.",
    footer = {"", "Examples:",
        "  noodle nodes",
        "  noodle nodes --cluster 10.0.0.5:47500..47509"})
final class NodesCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Mixin
  private ClusterClient cluster;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (NoodleNode node = cluster.connect()) {
      out.print(table(node.ignite()));
      out.flush();
      return 0;
    } catch (IOException e) {
      spec.commandLine().getErr().println("noodle: " + e.getMessage());
      return Noodle.NOT_COMPLETED;
    }
  }

  /** The node table as text; shared with {@code noodle status}. */
  static String table(Ignite ignite) {
    Map<String, JsonNode> activity = new HashMap<>();
    for (String doc : NodeActivity.all(ignite)) {
      JsonNode n = Json.read(doc, JsonNode.class);
      activity.put(n.path("id").asText(), n);
    }
    List<ClusterNode> nodes = new ArrayList<>(ignite.cluster().forServers().nodes());
    nodes.sort(Comparator.comparing((ClusterNode n) -> String.valueOf(
        n.<String>attribute(NodeRole.ROLES))).thenComparing(n -> n.id().toString()));
    StringBuilder b = new StringBuilder(String.format("%-8s  %-16s  %-18s  %5s  %-20s  %7s  %6s"
        + "  %6s  %8s  %s%n", "NODE", "HOST", "ROLE", "SLOTS", "TOOLS", "RUNNING", "DONE",
        "FAILED", "MEAN", "HEARTBEAT"));
    for (ClusterNode n : nodes) {
      String id = n.id().toString();
      JsonNode a = activity.get(id);
      String roles = String.valueOf(n.<String>attribute(NodeRole.ROLES));
      boolean worker = roles.contains("worker");
      b.append(String.format("%-8s  %-16s  %-18s  %5s  %-20s  %7s  %6s  %6s  %8s  %s%n",
          id.substring(0, 8), a != null ? a.path("host").asText()
              : n.addresses().stream().findFirst().orElse("?"), roles,
          worker ? String.valueOf(n.<String>attribute(NodeRole.SLOTS)) : "-",
          worker ? String.valueOf(n.<String>attribute(NodeRole.TOOLS)) : "-",
          a == null ? "-" : a.path("running").asText(),
          a == null ? "-" : a.path("done").asText(),
          a == null ? "-" : a.path("failed").asText(),
          a == null || a.path("mean_trial_millis").isNull() ? "-"
              : String.format("%.1fs", a.path("mean_trial_millis").asLong() / 1000.0),
          a == null ? "-" : age(a.path("last_heartbeat").asText())));
    }
    for (JsonNode a : activity.values()) {
      if (nodes.stream().noneMatch(n -> n.id().toString().equals(a.path("id").asText()))) {
        b.append(String.format("%-8s  %-16s  %-18s  gone; last heartbeat %s, done %s, failed %s%n",
            a.path("id").asText().substring(0, 8), a.path("host").asText(),
            a.path("roles").asText(), age(a.path("last_heartbeat").asText()),
            a.path("done").asText(), a.path("failed").asText()));
      }
    }
    return b.toString();
  }

  private static String age(String instant) {
    try {
      long s = Duration.between(Instant.parse(instant), Instant.now()).toSeconds();
      return s + "s ago";
    } catch (RuntimeException e) {
      return "?";
    }
  }
}
