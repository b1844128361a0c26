package dev.noodle.coordinator.cli;

import dev.noodle.coordinator.study.StudyDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

  @Mixin
  private DriveOptions drive;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Integer problem = drive.problem(err);
    if (problem != null) {
      return problem;
    }
    Path outRoot = drive.outRoot();
    List<String> cluster = drive.cluster;
    if (cluster == null && !Files.isDirectory(outRoot.resolve(
        dev.noodle.coordinator.cluster.NodeOptions.EMBEDDED_STORE))) {
      err.println("noodle: " + outRoot + " holds no study store; give the --out folder the "
          + "study was run in, or --cluster for a study run on a cluster");
      return Noodle.NOT_COMPLETED;
    }
    return drive.drive(System.out, err).run(name, node -> {
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
