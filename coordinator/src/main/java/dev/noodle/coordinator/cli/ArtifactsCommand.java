package dev.noodle.coordinator.cli;

import dev.noodle.common.trial.TrialRecord;
import dev.noodle.coordinator.cluster.NoodleNode;
import dev.noodle.worker.ArtifactFetch;
import dev.noodle.worker.TrialStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code noodle artifacts}: copies a trial's files from the worker that ran it. */
@Command(
    name = "artifacts",
    mixinStandardHelpOptions = true,
    versionProvider = Noodle.Version.class,
    description = "Fetch the files of a trial (scripts, tool logs, netlist, metrics, provenance) "
        + "from the worker that ran it, through the cluster.",
    footer = {"", "Examples:",
        "  noodle artifacts quickstart/mac_alu_1_3",
        "  noodle artifacts quickstart/mac_alu_1_3 --out /tmp/a --cluster 10.0.0.5:47500..47509"})
final class ArtifactsCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Mixin
  private ClusterClient cluster;

  @Parameters(paramLabel = "STUDY/CASE", description = "The trial, e.g. quickstart/mac_alu_1_3.")
  private String trial;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "artifacts",
      description = "Where the files go: DIR/<case>/ (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (!trial.matches("[^/]+/[^/]+")) {
      err.println("noodle: give the trial as STUDY/CASE, e.g. quickstart/mac_alu_1_3; got '"
          + trial + "'");
      return Noodle.BAD_INPUT;
    }
    try (NoodleNode node = cluster.connect()) {
      return fetch(node.ignite(), err);
    } catch (IOException e) {
      err.println("noodle: " + e.getMessage());
      return Noodle.NOT_COMPLETED;
    }
  }

  private int fetch(Ignite ignite, PrintWriter err) throws IOException {
    TrialRecord rec = new TrialStore(ignite).get(trial).orElse(null);
    if (rec == null || rec.result() == null) {
      err.println("noodle: the cluster has no finished trial " + trial);
      return Noodle.NOT_COMPLETED;
    }
    String nodeId = rec.result().node();
    ClusterNode owner = ignite.cluster().forServers().nodes().stream()
        .filter(n -> n.id().toString().equals(nodeId)).findFirst().orElse(null);
    if (owner == null) {
      err.println("noodle: the node that ran " + trial + " (" + nodeId + " on "
          + rec.result().host() + ") has left the cluster; its files are on that machine in "
          + rec.result().workDir());
      return Noodle.NOT_COMPLETED;
    }
    Map<String, byte[]> files = ignite.compute(ignite.cluster().forNode(owner))
        .call(new ArtifactFetch(rec.result().workDir()));
    Path dir = out.resolve(rec.result().caseName());
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path target = dir.resolve(f.getKey()).normalize();
      if (!target.startsWith(dir)) {
        continue;
      }
      Files.createDirectories(target.getParent());
      Files.write(target, f.getValue());
    }
    spec.commandLine().getOut().println(files.size() + " files of " + trial + " from node "
        + nodeId.substring(0, 8) + " written to " + dir);
    return 0;
  }
}
