package dev.noodle.coordinator.cli;

import dev.noodle.common.study.Runner;
import dev.noodle.common.study.Study;
import dev.noodle.common.study.StudyException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code noodle run}: runs a study on an embedded single-node cluster. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = Noodle.Version.class,
    description = {"Run a study: check it, freeze the base snapshot, run the base case, then "
        + "each stage, and write the results to DIR/<study>/.",
        "Without --cluster, one Ignite node starts inside this process and acts as "
            + "coordinator and worker. With --cluster, this process joins the running cluster "
            + "as a client and its workers run the trials."},
    footer = {"", "Examples:",
        "  noodle run studies/quickstart/study.yaml",
        "  noodle run studies/quickstart/study.yaml --out /tmp/runs --slots 2 --verbose",
        "  noodle run studies/quickstart/study.yaml --cluster 10.0.0.5:47500..47509",
        "  noodle run studies/quickstart/study.yaml --runner docker "
            + "--image noodle-tools:$(deploy/images/recipe-hash.sh)",
        "",
        "An existing DIR/<study>/ is kept: it is renamed to DIR/<study>.previous-<time>/ first.",
        "Trials whose inputs match a recorded trial reuse its result (see --no-cache).",
        "On SIGTERM or Ctrl-C the run stops sending trials, lets running ones finish within "
            + "--grace, and prints the 'noodle resume' command that continues it.",
        "Exit codes: 0 completed, 1 blocked or aborted, 2 bad input, 3 illegal study,"
            + " 4 internal error."})
final class RunCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "STUDY.yaml", description = "The study file.")
  private Path studyFile;

  @Mixin
  private DriveOptions drive;

  @Option(names = "--no-cache",
      description = "Run every trial's tools, even when a trial with identical inputs (snapshot, "
          + "ECO chain, tool version, script) already has a recorded result.")
  private boolean noCache;

  @Option(names = "--runner", paramLabel = "local|docker",
      description = "Run every trial of this run as local processes or each in a Docker "
          + "container, whatever the study file says.")
  private String runner;

  @Option(names = "--image", paramLabel = "IMAGE",
      description = "The tool image of the trials that run in Docker (a tag such as "
          + "noodle-tools:<recipe hash>, or a reference pinned by digest), instead of the study "
          + "file's container.image.")
  private String image;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Integer problem = drive.problem(err);
    if (problem != null) {
      return problem;
    }
    Path out = drive.out;
    String outText = out.toAbsolutePath().toString();
    if (outText.chars().anyMatch(c -> "{}\\\";".indexOf(c) >= 0 || Character.isISOControl(c))) {
      err.println("noodle: --out " + out + " contains a brace, backslash, quote, ';' or a "
          + "control character, which Noodle does not pass to the tools' scripts; choose "
          + "another folder");
      return Noodle.BAD_INPUT;
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      err.println("noodle: --out " + out + " is a file, not a folder; choose a folder");
      return Noodle.BAD_INPUT;
    }
    StudyInput.Checked checked = StudyInput.load(studyFile, err);
    if (checked.study() == null) {
      return checked.exitCode();
    }
    Study study = checked.study();
    if (runner != null || image != null) {
      Runner.Kind kind = runner == null ? null : Runner.Kind.fromKey(runner);
      if (runner != null && kind == null) {
        err.println("noodle: --runner " + runner + " is not a runner; use local or docker");
        return Noodle.BAD_INPUT;
      }
      try {
        study = study.withRunner(kind, image);
      } catch (StudyException e) {
        err.println("noodle: " + e.getMessage());
        return Noodle.BAD_INPUT;
      }
    }
    PrintStream console = System.out;
    if (!checked.legality().legal()) {
      err.print(checked.legality().text());
      err.println("noodle: the study is illegal; no trial was started");
      err.flush();
      return Noodle.ILLEGAL;
    }
    return start(study, drive.outRoot(), console, err);
  }

  private int start(Study study, Path outRoot, PrintStream console, PrintWriter err)
      throws IOException {
    int n = drive.slotCount();
    List<String> cluster = drive.cluster;
    int budget = 1 + study.stages().stream().mapToInt(s -> s.trialBudget()).sum();
    if (cluster == null) {
      console.printf("Study %s: %d stages, up to %d trials, %d slot%s on an embedded node%n",
          study.name(), study.stages().size(), budget, n, n == 1 ? "" : "s");
    } else {
      console.printf("Study %s: %d stages, up to %d trials, on the cluster at %s%n",
          study.name(), study.stages().size(), budget, String.join(",", cluster));
    }
    return drive.drive(console, err).run(study.name(), node -> {
      Path studyDir = prepare(outRoot, study.name(), console);
      return new StudyDrive.Prepared(study, studyDir, runner -> runner.run(!noCache));
    });
  }

  /** Makes an empty DIR/<study>, moving an earlier run's folder aside. */
  private static Path prepare(Path outRoot, String name, PrintStream console)
      throws IOException {
    Path dir = outRoot.resolve(name);
    if (Files.exists(dir)) {
      String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
      Path aside = outRoot.resolve(name + ".previous-" + stamp);
      Files.move(dir, aside);
      console.println("Earlier results moved to " + aside);
    }
    Files.createDirectories(dir);
    return dir;
  }
}
