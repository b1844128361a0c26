package dev.noodle.coordinator.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A lab cluster on loopback for tests: one coordinator JVM and worker JVMs started with the
 * real {@code noodle} command line, each in its own process, on a port range of its own.
 */
final class LocalCluster implements AutoCloseable {
  private final int basePort;
  private final Path dir;
  private final List<Process> processes = new ArrayList<>();
  private final java.util.Map<Integer, Process> workers = new java.util.HashMap<>();

  /**
   * @param basePort first discovery port; the cluster uses basePort..basePort+9 for discovery
   *     and basePort+100.. for communication
   */
  LocalCluster(int basePort, Path dir) {
    this.basePort = basePort;
    this.dir = dir;
  }

  String addresses() {
    return "127.0.0.1:" + basePort + ".." + (basePort + 9);
  }

  Process coordinator() throws IOException {
    return start("coordinator", 0, List.of("coordinator"));
  }

  Process worker(int index, int slots) throws IOException {
    Process p = start("worker" + index, index, List.of("worker", "--slots",
        Integer.toString(slots), "--work-dir", dir.resolve("worker" + index).toString()));
    workers.put(index, p);
    return p;
  }

  /** The JVM of worker {@code index}, to kill. */
  Process victim(int index) {
    return workers.get(index);
  }

  private Process start(String name, int offset, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String opt : System.getProperty("noodle.test.jvm.args",
        String.join(" ", jvmArgs())).split("\\s+")) {
      if (!opt.isBlank()) {
        cmd.add(opt);
      }
    }
    cmd.add("-Xmx384m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("dev.noodle.coordinator.cli.Noodle");
    cmd.addAll(args);
    cmd.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(basePort + offset),
        "--port-range", "0", "--communication-port", Integer.toString(basePort + 100 + offset),
        "--addresses", addresses()));
    Files.createDirectories(dir);
    Process p = new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile())
        .start();
    processes.add(p);
    return p;
  }

  /** The JVM flags of this test JVM that Ignite needs (the --add-opens list). */
  private static List<String> jvmArgs() {
    List<String> out = new ArrayList<>();
    for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean()
        .getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("-Djava.net")) {
        out.add(a);
      }
    }
    return out;
  }

  @Override
  public void close() {
    for (Process p : processes) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    for (Process p : processes) {
      try {
        p.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
