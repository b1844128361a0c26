package dev.noodle.coordinator.cluster;

import static org.awaitility.Awaitility.await;

import dev.noodle.worker.NodeActivity;
import java.io.IOException;
import java.time.Duration;
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
  private final java.util.Map<Integer, Process> workers = new java.util.TreeMap<>();
  private Process coordinator;

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
    coordinator = start("coordinator", 0, List.of("coordinator", "--data-dir",
        dir.resolve("coordinator-store").toString()));
    return coordinator;
  }

  Process worker(int index, int slots) throws IOException {
    Process p = start("worker" + index, index, List.of("worker", "--slots",
        Integer.toString(slots), "--work-dir", dir.resolve("worker" + index).toString()));
    workers.put(index, p);
    return p;
  }

  /**
   * A {@code noodle} command as its own JVM (a study's driver, say), with its output in
   * {@code <name>.log}; the cluster's nodes' flags are not added.
   */
  Process command(String name, List<String> args) throws IOException {
    return launch(name, args);
  }

  /** Every node's JVM (not the commands'), to kill them all at once. */
  List<Process> nodes() {
    List<Process> out = new ArrayList<>(workers.values());
    if (coordinator != null) {
      out.add(coordinator);
    }
    return out;
  }

  Path log(String name) {
    return dir.resolve(name + ".log");
  }

  /**
   * Starts the coordinator and {@code count} workers, and returns a client node once all of
   * them are in the cluster and active; the caller closes it.
   */
  NoodleNode up(int count, int slots) throws Exception {
    coordinator();
    awaitClient();
    for (int i = 1; i <= count; i++) {
      worker(i, slots);
    }
    NoodleNode observer = NoodleNode.start(NodeOptions.client(List.of(addresses())));
    try {
      await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
          .until(() -> observer.ignite().cluster().state().active()
              && observer.ignite().cluster().forServers().nodes().size() == count + 1
              && observer.ignite().cluster().currentBaselineTopology().size() == count + 1
              && NodeActivity.all(observer.ignite()).size() == count);
    } catch (RuntimeException | Error e) {
      observer.close();
      throw e;
    }
    return observer;
  }

  /** Waits until a client can join the cluster. */
  void awaitClient() {
    await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofSeconds(1))
        .ignoreExceptions().until(() -> {
          try (NoodleNode probe = NoodleNode.start(NodeOptions.client(List.of(addresses())))) {
            return true;
          }
        });
  }

  /** The JVM of worker {@code index}, to kill. */
  Process victim(int index) {
    return workers.get(index);
  }

  private Process start(String name, int offset, List<String> args) throws IOException {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(basePort + offset),
        "--port-range", "0", "--communication-port", Integer.toString(basePort + 100 + offset),
        "--addresses", addresses(), "--baseline-timeout", "5"));
    return launch(name, all);
  }

  private Process launch(String name, List<String> args) throws IOException {
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
    Files.createDirectories(dir);
    Process p = new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile()))
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
