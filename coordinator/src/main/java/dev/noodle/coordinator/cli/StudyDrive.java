package dev.noodle.coordinator.cli;

import dev.noodle.common.study.Study;
import dev.noodle.coordinator.cluster.NodeOptions;
import dev.noodle.coordinator.cluster.NoodleNode;
import dev.noodle.coordinator.study.Progress;
import dev.noodle.coordinator.study.StudyRunner;
import dev.noodle.coordinator.study.StudySummary;
import dev.noodle.worker.ProcessRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What {@code noodle run} and {@code noodle resume} share: take the output folder's lock, start
 * or join the cluster, drive the study with a graceful stop on SIGTERM and Ctrl-C, and print
 * the outcome.
 */
final class StudyDrive {
  /** How long a client waits for a restarted cluster to become active. */
  private static final Duration ACTIVATION_WAIT = Duration.ofSeconds(120);

  private final List<String> cluster;
  private final int slots;
  private final Path outRoot;
  private final Duration workerWait;
  private final Duration grace;
  private final PrintStream console;
  private final PrintWriter err;
  private final boolean verbose;

  /** The study to drive and how, decided once the node is up. */
  record Prepared(Study study, Path studyDir, Body body) {}

  /** Runs the study on a prepared runner. */
  interface Body {
    StudySummary apply(StudyRunner runner) throws IOException;
  }

  /** Decides what to drive once the node is up; returns null after printing why not. */
  interface Preparation {
    Prepared prepare(NoodleNode node) throws IOException;
  }

  StudyDrive(List<String> cluster, int slots, Path outRoot, int workerWaitSeconds,
      int graceSeconds, boolean verbose, PrintStream console, PrintWriter err) {
    this.cluster = cluster;
    this.slots = slots;
    this.outRoot = outRoot;
    this.workerWait = cluster == null ? Duration.ZERO : Duration.ofSeconds(workerWaitSeconds);
    this.grace = Duration.ofSeconds(graceSeconds);
    this.verbose = verbose;
    this.console = console;
    this.err = err;
  }

  /** Locks {@code DIR/.<study>.lock}, then drives; a second driver of the same folder stops. */
  int run(String name, Preparation preparation) throws IOException {
    Files.createDirectories(outRoot);
    try (FileChannel channel = FileChannel.open(outRoot.resolve("." + name + ".lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      if (lock == null) {
        err.println("noodle: another noodle run or resume is writing " + outRoot.resolve(name)
            + "; wait for it to end or choose another --out");
        return Noodle.BAD_INPUT;
      }
      return drive(name, preparation);
    }
  }

  private int drive(String name, Preparation preparation) throws IOException {
    NodeOptions options = cluster == null ? NodeOptions.embedded(slots, outRoot)
        : NodeOptions.client(cluster);
    NoodleNode node;
    try {
      node = NoodleNode.start(options);
    } catch (IOException e) {
      // Nothing ran: earlier results stay where they are.
      err.println("noodle: " + e.getMessage());
      return Noodle.NOT_COMPLETED;
    } catch (RuntimeException e) {
      err.println("noodle: the node could not start: " + e.getMessage());
      return Noodle.INTERNAL;
    }
    AtomicBoolean signalled = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    StudyRunner[] runner = new StudyRunner[1];
    Thread stopHook = new Thread(() -> {
      signalled.set(true);
      synchronized (runner) {
        if (runner[0] != null) {
          runner[0].requestStop();
        }
      }
      try {
        finished.await(grace.toSeconds() + 30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      // A graceful stop is a normal end: the study waits for 'noodle resume'.
      Runtime.getRuntime().halt(0);
    }, "noodle-graceful-stop");
    Runtime.getRuntime().addShutdownHook(stopHook);
    ProcessRunner.exitGrace(grace);
    try {
      StudySummary summary;
      Prepared prepared;
      try (node) {
        if (!node.awaitActive(ACTIVATION_WAIT)) {
          err.println("noodle: the cluster is not active after " + ACTIVATION_WAIT.toSeconds()
              + " s: some nodes of its baseline have not come back; start them, or wait for "
              + "their --baseline-timeout to pass");
          return Noodle.NOT_COMPLETED;
        }
        prepared = preparation.prepare(node);
        if (prepared == null) {
          return Noodle.NOT_COMPLETED;
        }
        Progress progress = new Progress(console, System.console() != null, verbose);
        synchronized (runner) {
          runner[0] = new StudyRunner(prepared.study(), prepared.studyDir(), node.ignite(),
              progress, workerWait);
          if (signalled.get()) {
            runner[0].requestStop();
          }
        }
        summary = prepared.body().apply(runner[0]);
      }
      return report(name, prepared.studyDir(), summary);
    } finally {
      try {
        if (!signalled.get()) {
          Runtime.getRuntime().removeShutdownHook(stopHook);
        }
      } catch (IllegalStateException e) {
        // The JVM is already exiting: the hook runs and ends the process.
      }
      finished.countDown();
    }
  }

  private int report(String name, Path studyDir, StudySummary summary) {
    console.println();
    if (summary == null) {
      console.println("Study " + name + " stopped; finished trials are kept in the cluster.");
      console.println("Resume it with: " + resumeCommand(name));
      console.flush();
      return 0;
    }
    console.printf(Locale.ROOT, "Study %s %s in %.1f s: %d trials, %d failed%s%n",
        summary.study(), summary.status(), summary.wallSeconds(), summary.trials().total(),
        summary.trials().failed(), summary.trials().reused() == 0 ? ""
            : ", " + summary.trials().reused() + " reused");
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
    console.flush();
    return summary.status().equals("completed") ? 0 : Noodle.NOT_COMPLETED;
  }

  private String resumeCommand(String name) {
    StringBuilder b = new StringBuilder("noodle resume ").append(name);
    if (!outRoot.equals(Path.of("out").toAbsolutePath().normalize())) {
      b.append(" --out ").append(outRoot);
    }
    if (cluster != null) {
      b.append(" --cluster ").append(String.join(",", cluster));
    }
    return b.toString();
  }
}
