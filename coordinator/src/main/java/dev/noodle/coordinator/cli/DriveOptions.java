package dev.noodle.coordinator.cli;

import ch.qos.logback.classic.Level;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** The options of the commands that drive a study: {@code run} and {@code resume}. */
final class DriveOptions {
  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
      description = "Output folder; results go to DIR/<study>/ (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--slots", paramLabel = "N",
      description = "Trials run at once on this machine (default: the number of cores). "
          + "Embedded mode only.")
  Integer slots;

  @Option(names = "--cluster", paramLabel = "ADDRESSES", split = ",",
      description = "Use a running cluster instead of an embedded node: its discovery "
          + "addresses, e.g. 127.0.0.1:47500..47509 or host1:47500,host2:47500.")
  List<String> cluster;

  @Option(names = "--worker-wait", paramLabel = "SECONDS", defaultValue = "60",
      description = "With --cluster: how long a trial waits for a worker that has its tools "
          + "(default: ${DEFAULT-VALUE}).")
  int workerWait;

  @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "120",
      description = "On SIGTERM or Ctrl-C: how long running trials may finish before they are "
          + "stopped (default: ${DEFAULT-VALUE}). The study can then be resumed.")
  int grace;

  @Option(names = {"-v", "--verbose"}, description = "Print a line per trial and Noodle's log.")
  boolean verbose;

  /** Why the options cannot be used, printed to {@code err}; null when they can. */
  Integer problem(PrintWriter err) {
    if (grace < 0) {
      err.println("noodle: --grace must be 0 or more seconds, got " + grace);
      return Noodle.BAD_INPUT;
    }
    if (slots != null && slots < 1) {
      err.println("noodle: --slots must be at least 1, got " + slots);
      return Noodle.BAD_INPUT;
    }
    return null;
  }

  Path outRoot() {
    return out.toAbsolutePath().normalize();
  }

  int slotCount() {
    return slots != null ? slots : Runtime.getRuntime().availableProcessors();
  }

  /** The drive these options describe; turns on debug logging when verbose. */
  StudyDrive drive(PrintStream console, PrintWriter err) {
    if (verbose) {
      ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.noodle"))
          .setLevel(Level.DEBUG);
    }
    return new StudyDrive(cluster, slotCount(), outRoot(), workerWait, grace, verbose, console,
        err);
  }
}
