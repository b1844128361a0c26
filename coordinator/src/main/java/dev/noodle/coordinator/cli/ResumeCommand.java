package dev.noodle.coordinator.cli;

import ch.qos.logback.classic.Level;
import dev.noodle.coordinator.study.StudyDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code noodle resume}: continues a study from the cluster's records. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    versionProvider = Noodle.Version.class,
    description = {"Continue a study that stopped before its end: its driver was killed, its "
        + "machine rebooted, or the whole cluster restarted. The study's definition and every "
        + "trial record come from the cluster, so any machine that reaches it can resume.",
        "Finished trials keep their results and are not run again; trials still running on a "
            + "worker are waited for; the rest are sent. The summary is the same as an "
            + "uninterrupted run's.",
        "Without --cluster, the embedded node's store in --out is used: the study must have "
            + "been started there with 'noodle run'."},
    footer = {"", "Examples:",
        "  noodle resume quickstart",
        "  noodle resume quickstart --out /tmp/runs",
        "  noodle resume my_block --cluster 10.0.0.5:47500..47509 --out results",
        "",
        "Exit codes: 0 completed (or stopped again with SIGTERM), 1 blocked, aborted or not "
            + "found, 2 bad input, 4 internal error."})
final class ResumeCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "STUDY", description = "The study's name (see 'noodle studies').")
  private String name;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
      description = "Output folder; results go to DIR/<study>/ (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(names = "--slots", paramLabel = "N",
      description = "Trials run at once on this machine (default: the number of cores). "
          + "Embedded mode only.")
  private Integer slots;

  @Option(names = "--cluster", paramLabel = "ADDRESSES", split = ",",
      description = "Resume on a running cluster: its discovery addresses.")
  private List<String> cluster;

  @Option(names = "--worker-wait", paramLabel = "SECONDS", defaultValue = "60",
      description = "With --cluster: how long a trial waits for a worker that has its tools "
          + "(default: ${DEFAULT-VALUE}).")
  private int workerWait;

  @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "120",
      description = "On SIGTERM or Ctrl-C: how long running trials may finish "
          + "(default: ${DEFAULT-VALUE}).")
  private int grace;

  @Option(names = {"-v", "--verbose"}, description = "Print a line per trial and Noodle's log.")
  private boolean verbose;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (slots != null && slots < 1) {
      err.println("noodle: --slots must be at least 1, got " + slots);
      return Noodle.BAD_INPUT;
    }
    if (grace < 0) {
      err.println("noodle: --grace must be 0 or more seconds, got " + grace);
      return Noodle.BAD_INPUT;
    }
    Path outRoot = out.toAbsolutePath().normalize();
    if (cluster == null && !Files.isDirectory(outRoot.resolve(
        dev.noodle.coordinator.cluster.NodeOptions.EMBEDDED_STORE))) {
      err.println("noodle: " + outRoot + " holds no study store; give the --out folder the "
          + "study was run in, or --cluster for a study run on a cluster");
      return Noodle.NOT_COMPLETED;
    }
    if (verbose) {
      ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.noodle"))
          .setLevel(Level.DEBUG);
    }
    int n = slots != null ? slots : Runtime.getRuntime().availableProcessors();
    StudyDrive drive = new StudyDrive(cluster, n, outRoot, workerWait, grace, verbose,
        System.out, err);
    return drive.run(name, node -> {
      StudyDefinition definition = StudyDefinition.load(node.ignite(), name).orElse(null);
      if (definition == null) {
        err.println("noodle: no study named '" + name + "' on " + (cluster == null
            ? "the store in " + outRoot : "the cluster at " + String.join(",", cluster))
            + "; 'noodle studies' lists the studies there");
        return null;
      }
      Path studyDir = outRoot.resolve(name);
      Files.createDirectories(studyDir);
      System.out.println("Resuming study " + name + " (started " + definition.startedAt()
          + ")");
      return new StudyDrive.Prepared(definition.study(), studyDir,
          runner -> runner.resume(definition));
    });
  }
}
