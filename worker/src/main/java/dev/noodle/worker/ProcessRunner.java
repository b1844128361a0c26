package dev.noodle.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one tool as a local process with its output in files and a time limit that kills the
 * whole process tree.
 *
 * <p>The tool is started under {@code /bin/sh}, which records the CPU time of its children with
 * the {@code times} builtin once the tool ends: the JVM cannot read the CPU time of a process
 * that has already been reaped.
 */
public final class ProcessRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);
  private static final Duration GRACE = Duration.ofSeconds(2);
  private static final String WRAPPER = "\"$@\"; rc=$?; times > \"$NOODLE_CPU_FILE\"; exit $rc";
  private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s");

  /** Tool processes running now, so that none outlives this JVM. */
  private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap
      .newKeySet();

  /** How long tools may run on once the JVM is asked to exit; zero kills them at once. */
  private static volatile Duration exitGrace = Duration.ZERO;
  /** Set once the exit hook has started killing the tools still running. */
  private static volatile boolean killedAtExit;

  static {
    try {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        long end = System.nanoTime() + exitGrace.toNanos();
        while (!LIVE.isEmpty() && System.nanoTime() < end) {
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            break;
          }
        }
        killedAtExit = !LIVE.isEmpty();
        for (Process p : LIVE) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
        }
      }, "noodle-kill-tools"));
    } catch (IllegalStateException e) {
      // First used while the JVM is already exiting (a worker draining): the hook cannot be
      // added any more, and the trial that asked has not had its tools killed.
    }
  }

  private ProcessRunner() {}

  /**
   * Lets running tools finish for up to {@code grace} when the JVM is asked to exit (SIGTERM,
   * Ctrl-C) before they are killed: a graceful stop keeps the trials that end in time.
   */
  public static void exitGrace(Duration grace) {
    exitGrace = grace;
  }

  /** How long tools may run on once the JVM is asked to exit. */
  static Duration exitGrace() {
    return exitGrace;
  }

  /**
   * True once the JVM's exit has killed tools that were still running: their outcome says
   * nothing about the trial, which must be handed back rather than recorded.
   */
  public static boolean killedAtExit() {
    return killedAtExit;
  }

  /**
   * Runs {@code command} in {@code dir}; never throws for a tool that fails, only when the process
   * cannot be started at all.
   */
  public static ProcessOutcome run(List<String> command, Path dir, Path stdout, Path stderr,
      Duration timeout) throws IOException {
    Path cpuFile = Files.createTempFile(dir, ".cpu", ".txt");
    List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", WRAPPER, "noodle-trial"));
    wrapped.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(wrapped)
        .directory(dir.toFile())
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().put("NOODLE_CPU_FILE", cpuFile.toString());
    long start = System.nanoTime();
    Process process = builder.start();
    LIVE.add(process);
    boolean finished;
    try {
      finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      killTree(process);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    } finally {
      LIVE.remove(process);
    }
    if (!finished) {
      LOG.debug("Tool over its time limit, killing its process tree [cmd={}, pid={}]",
          command.get(0), process.pid());
      killTree(process);
      long wall = (System.nanoTime() - start) / 1_000_000;
      Files.deleteIfExists(cpuFile);
      return new ProcessOutcome(-1, 0, true, wall, -1);
    }
    long wall = (System.nanoTime() - start) / 1_000_000;
    int rc = process.exitValue();
    long cpu = readCpu(cpuFile);
    Files.deleteIfExists(cpuFile);
    int signal = rc > 128 && rc < 160 ? rc - 128 : 0;
    return new ProcessOutcome(rc, signal, false, wall, cpu);
  }

  /** SIGTERM to the tree, a short grace, then SIGKILL to whatever is left. */
  static void killTree(Process process) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + GRACE.toNanos();
    for (ProcessHandle h : tree) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        try {
          h.onExit().get(left, TimeUnit.NANOSECONDS);
        } catch (Exception e) {
          // Still alive after the grace period: killed below.
        }
      }
    }
    // Children may have forked since the first look.
    List<ProcessHandle> rest = new ArrayList<>(process.descendants().toList());
    rest.addAll(tree);
    rest.forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static long readCpu(Path cpuFile) {
    try {
      List<String> lines = Files.readAllLines(cpuFile, StandardCharsets.UTF_8);
      if (lines.size() < 2) {
        return -1;
      }
      // Second line: user and system time of the shell's children, i.e. the tool.
      Matcher m = TIMES.matcher(lines.get(1));
      if (!m.find()) {
        return -1;
      }
      double seconds = Long.parseLong(m.group(1)) * 60 + Double.parseDouble(m.group(2))
          + Long.parseLong(m.group(3)) * 60 + Double.parseDouble(m.group(4));
      return Math.round(seconds * 1000);
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }
}
