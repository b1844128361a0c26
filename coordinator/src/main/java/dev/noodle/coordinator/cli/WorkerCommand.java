package dev.noodle.coordinator.cli;

import dev.noodle.coordinator.cluster.NodeOptions;
import dev.noodle.worker.DockerEngine;
import dev.noodle.worker.WorkerTools;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code noodle worker}: a node that runs trials. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    versionProvider = Noodle.Version.class,
    description = {"Start a worker node: it joins the cluster at --addresses and runs trials, "
        + "never more at once than its slots, with the tools it finds on its PATH "
        + "(sta, yosys, openroad, docker)."},
    footer = {"", "Examples:",
        "  noodle worker",
        "  noodle worker --slots 4 --work-dir /scratch/noodle --labels fast,big-mem",
        "  noodle worker --host 10.0.0.7 --addresses 10.0.0.5:47500..47509",
        "  noodle worker --config /etc/noodle/worker.yaml"})
final class WorkerCommand extends NodeCommand implements Callable<Integer> {
  @Option(names = "--slots", paramLabel = "N",
      description = "Trials run at once (default: the number of cores).")
  Integer slots;

  @Option(names = "--work-dir", paramLabel = "DIR",
      description = "Folder for trial work directories and cached snapshots "
          + "(default: ./noodle-work).")
  Path workDir;

  @Option(names = "--labels", paramLabel = "LABELS", split = ",",
      description = "Free labels this worker advertises.")
  List<String> labels;

  @Override
  NodeOptions.Role role() {
    return NodeOptions.Role.WORKER;
  }

  @Override
  String describe(NodeOptions o) {
    DockerEngine docker = DockerEngine.shared();
    String containers = docker.usable()
        ? "Docker at " + docker.host() + " with " + docker.images().keySet().stream()
            .filter(r -> !r.startsWith("sha256:")).toList()
        : "no usable Docker engine (trials with runner: docker go to other workers)";
    return "Worker with " + o.slots() + (o.slots() == 1 ? " slot" : " slots") + ", tools "
        + WorkerTools.detect() + ", " + containers + ", work in "
        + o.workRoot().toAbsolutePath();
  }

  @Override
  public Integer call() {
    NodeOptions options;
    try {
      options = options(readConfig(), slots, workDir, labels);
    } catch (IOException e) {
      spec.commandLine().getErr().println("noodle: " + e.getMessage());
      return Noodle.BAD_INPUT;
    }
    if (options.slots() < 1) {
      spec.commandLine().getErr().println("noodle: --slots must be at least 1, got "
          + options.slots());
      return Noodle.BAD_INPUT;
    }
    return serve(options);
  }
}
