package dev.noodle.coordinator.cli;

import ch.qos.logback.classic.Level;
import dev.noodle.common.study.Study;
import dev.noodle.coordinator.cluster.EmbeddedNode;
import dev.noodle.coordinator.study.Progress;
import dev.noodle.coordinator.study.StudyRunner;
import dev.noodle.coordinator.study.StudySummary;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code noodle run}: runs a study on an embedded single-node cluster. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {"Run a study: check it, freeze the base snapshot, run the base case, then "
        + "each stage, and write the results to DIR/<study>/.",
        "One Ignite node starts inside this process and acts as coordinator and worker; "
            + "every trial still goes through the cluster's caches."},
    footer = {"", "Examples:",
        "  noodle run studies/quickstart/study.yaml",
        "  noodle run studies/quickstart/study.yaml --out /tmp/runs --slots 2 --verbose",
        "",
        "An existing DIR/<study>/ is kept: it is renamed to DIR/<study>.previous-<time>/ first.",
        "Exit codes: 0 completed, 1 blocked or aborted, 2 bad input, 3 illegal study,"
            + " 4 internal error."})
final class RunCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "STUDY.yaml", description = "The study file.")
  private Path studyFile;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
      description = "Output folder; results go to DIR/<study>/ (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(names = "--slots", paramLabel = "N",
      description = "Trials run at once on this machine (default: the number of cores).")
  private Integer slots;

  @Option(names = {"-v", "--verbose"}, description = "Print a line per trial and Noodle's log.")
  private boolean verbose;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (slots != null && slots < 1) {
      err.println("noodle: --slots must be at least 1, got " + slots);
      return Noodle.BAD_INPUT;
    }
    StudyInput.Checked checked = StudyInput.load(studyFile, err);
    if (checked.study() == null) {
      return checked.exitCode();
    }
    Study study = checked.study();
    PrintStream console = System.out;
    if (!checked.legality().legal()) {
      err.print(checked.legality().text());
      err.println("noodle: the study is illegal; no trial was started");
      err.flush();
      return Noodle.ILLEGAL;
    }
    if (verbose) {
      ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.noodle"))
          .setLevel(Level.DEBUG);
    }
    Path studyDir = prepare(out.toAbsolutePath().normalize(), study.name(), console);
    int n = slots != null ? slots : Runtime.getRuntime().availableProcessors();
    console.printf("Study %s: %d stages, up to %d trials, %d slot%s on an embedded node%n",
        study.name(), study.stages().size(),
        1 + study.stages().stream().mapToInt(s -> s.trialBudget()).sum(), n, n == 1 ? "" : "s");
    Progress progress = new Progress(console, System.console() != null, verbose);
    StudySummary summary;
    try (EmbeddedNode node = EmbeddedNode.start(n, out.toAbsolutePath().normalize())) {
      summary = new StudyRunner(study, studyDir, node.ignite(), progress).run();
    }
    console.println();
    console.printf("Study %s %s in %.1f s: %d trials, %d failed%n", summary.study(),
        summary.status(), summary.wallSeconds(), summary.trials().total(),
        summary.trials().failed());
    if (summary.base() != null && summary.base().wnsPs() != null && summary.best() != null) {
      console.printf(Locale.ROOT, "WNS %.1f ps (base %s) -> %.1f ps (best %s)%n",
          summary.base().wnsPs(), summary.base().caseName(), summary.best().wnsPs(),
          summary.best().caseName());
    }
    if (summary.reason() != null) {
      console.println("Reason: " + summary.reason());
    }
    console.println("Results: " + studyDir.resolve("summary.md"));
    console.println("         " + studyDir.resolve("summary.json"));
    return summary.status().equals("completed") ? 0 : Noodle.NOT_COMPLETED;
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
