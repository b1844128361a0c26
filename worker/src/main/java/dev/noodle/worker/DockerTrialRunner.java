package dev.noodle.worker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.StreamType;
import dev.noodle.common.trial.ContainerRecord;
import dev.noodle.common.trial.ContainerSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one tool in a fresh container of a pinned image: the trial's work directory read-write at
 * {@value #WORK_DIR}, the snapshot read-only at the path the work directory's {@code snapshot}
 * link points to (so the scripts run unchanged), no network, an unprivileged user, the stage's
 * CPU and memory limits, and no swap. At the time limit the tool gets SIGTERM, and after a grace
 * period the container is killed. Its logs are copied out up to a size cap, and the container is
 * removed whatever happened.
 *
 * <p>Thread-safe: trials of one worker share an instance.
 */
public final class DockerTrialRunner {
  private static final Logger LOG = LoggerFactory.getLogger(DockerTrialRunner.class);
  /** Where the trial's work directory is inside the container. */
  static final String WORK_DIR = "/work";
  /** Label every Noodle container carries, so leftovers are easy to find. */
  public static final String LABEL = "dev.noodle.trial";
  /** Bytes of each log stream kept; the rest is dropped and the log says so. */
  static final long LOG_CAP = 64L * 1024 * 1024;
  private static final Duration GRACE = Duration.ofSeconds(5);
  private static final long PIDS_LIMIT = 1024;
  /** User a tool runs as when the worker itself is root. */
  static final String DEFAULT_USER = "1000:1000";
  private static final String WRAPPER = "\"$@\"; rc=$?; times > \"$NOODLE_CPU_FILE\"; exit $rc";

  /** Containers running now, so that none outlives this JVM. */
  private static final Map<String, DockerEngine> LIVE = new ConcurrentHashMap<>();
  private static final Map<String, String> VERSIONS = new ConcurrentHashMap<>();
  /** Set once the exit hook has started removing containers that were still running. */
  private static volatile boolean removedAtExit;

  private final DockerEngine engine;
  private final String user;

  static {
    try {
      Runtime.getRuntime().addShutdownHook(new Thread(DockerTrialRunner::removeLive,
          "noodle-remove-containers"));
    } catch (IllegalStateException e) {
      // First used while the JVM is already exiting (a worker draining, asking whether its
      // containers were removed): none of this JVM was, and the hook cannot be added any more.
    }
  }

  public DockerTrialRunner(DockerEngine engine) {
    this.engine = engine;
    this.user = userFor(currentUid(), currentGid());
  }

  /**
   * How a tool run in a container ended.
   *
   * @param process exit code, signal, time limit, wall and CPU time as for a local process
   * @param oomKilled true when the memory limit killed it
   * @param container what it ran in
   */
  public record Outcome(ProcessOutcome process, boolean oomKilled, ContainerRecord container) {}

  /**
   * Runs {@code command} in {@code workDir}'s container; never throws for a tool that fails,
   * only when the engine cannot run the container at all.
   *
   * @param snapshotTarget the absolute path the work directory's snapshot link points to
   * @param snapshotSource the real snapshot folder mounted there read-only
   */
  public Outcome run(ContainerSpec spec, String name, List<String> command, Path workDir,
      String snapshotTarget, Path snapshotSource, Path stdout, Path stderr, Duration timeout)
      throws DockerUnavailableException {
    DockerEngine.ImageFacts image = image(spec);
    Path cpuFile;
    try {
      openForTool(workDir);
      cpuFile = Files.createTempFile(workDir, ".cpu", ".txt");
      Files.setPosixFilePermissions(cpuFile, PosixFilePermissions.fromString("rw-rw-rw-"));
    } catch (IOException e) {
      throw new DockerUnavailableException("the work directory " + workDir
          + " could not be prepared for the container: " + e.getMessage(), e);
    }
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", WORK_DIR);
    env.put("NOODLE_CPU_FILE", WORK_DIR + "/" + cpuFile.getFileName());
    List<Mount> mounts = new ArrayList<>();
    List<String> mountText = new ArrayList<>();
    mount(mounts, mountText, realPath(workDir), WORK_DIR, false);
    if (snapshotTarget != null) {
      mount(mounts, mountText, realPath(snapshotSource), snapshotTarget, true);
    }
    List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", WRAPPER, "noodle-trial"));
    wrapped.addAll(command);
    String containerName = containerName(name);
    ContainerRecord record = new ContainerRecord(spec.image(), image.id(), image.repoDigest(),
        containerName, user, WORK_DIR, mountText, env, spec.cpus(), spec.memoryMb(), "none");

    Run run = runContainer(spec, image.id(), containerName, name, wrapped, env, mounts, timeout);
    try {
      writeLogs(run.id(), stdout, stderr);
    } finally {
      remove(run.id());
    }
    long cpu = run.timedOut() ? -1 : ProcessRunner.readCpu(cpuFile);
    try {
      Files.deleteIfExists(cpuFile);
    } catch (IOException e) {
      LOG.debug("CPU time file not removed [file={}, error={}]", cpuFile, e.getMessage());
    }
    int rc = run.timedOut() ? -1 : run.exitCode();
    int signal = rc > 128 && rc < 160 ? rc - 128 : 0;
    ProcessOutcome outcome = new ProcessOutcome(rc, signal, run.timedOut(), run.wallMillis(),
        cpu);
    return new Outcome(outcome, run.oomKilled() && !run.timedOut(), record);
  }

  /**
   * The first line {@code executable versionArguments} prints inside the image, asked once per
   * image and command.
   */
  public String toolVersion(ContainerSpec spec, String executable, List<String> versionArguments)
      throws DockerUnavailableException {
    List<String> command = new ArrayList<>();
    command.add(executable);
    command.addAll(versionArguments);
    String key = spec.imageId() + "\u0000" + String.join("\u0000", command);
    String known = VERSIONS.get(key);
    if (known != null) {
      return known;
    }
    Run run = runContainer(spec, image(spec).id(), containerName("version"), "version", command,
        Map.of(), List.of(), Duration.ofSeconds(60));
    String version;
    try {
      CappedLogs logs = logs(run.id(), 4096);
      version = logs.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
          .orElse(ToolVersions.UNKNOWN);
    } finally {
      remove(run.id());
    }
    VERSIONS.put(key, version);
    return version;
  }

  private record Run(String id, int exitCode, boolean timedOut, boolean oomKilled,
      long wallMillis) {}

  private Run runContainer(ContainerSpec spec, String imageId, String containerName,
      String step, List<String> cmd, Map<String, String> env, List<Mount> mounts,
      Duration timeout) throws DockerUnavailableException {
    DockerClient docker = engine.client();
    long memory = spec.memoryMb() * 1024 * 1024;
    HostConfig host = HostConfig.newHostConfig()
        .withMounts(mounts)
        .withNetworkMode("none")
        .withMemory(memory)
        .withMemorySwap(memory)
        .withNanoCPUs(Math.round(spec.cpus() * 1e9))
        .withPidsLimit(PIDS_LIMIT)
        .withCapDrop(Capability.ALL)
        .withSecurityOpts(List.of("no-new-privileges"))
        .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE,
            Map.of("max-size", (LOG_CAP / (1024 * 1024)) + "m", "max-file", "1")));
    List<String> envList = env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .toList();
    String id;
    try (CreateContainerCmd create = docker.createContainerCmd(imageId)) {
      id = create.withName(containerName)
          .withCmd(cmd)
          .withEnv(envList)
          .withUser(user)
          .withWorkingDir(WORK_DIR)
          .withNetworkDisabled(true)
          .withLabels(Map.of(LABEL, step))
          .withHostConfig(host)
          .exec()
          .getId();
    } catch (RuntimeException e) {
      throw DockerUnavailableException.of(engine.host(), e);
    }
    LIVE.put(id, engine);
    long start = System.nanoTime();
    try {
      docker.startContainerCmd(id).exec();
      boolean timedOut = !awaitExit(id, timeout);
      if (timedOut) {
        LOG.debug("Container over its time limit, stopping it [container={}, step={}]",
            containerName, step);
        stop(id);
      }
      long wall = (System.nanoTime() - start) / 1_000_000;
      InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(id).exec()
          .getState();
      Long rc = state.getExitCodeLong();
      return new Run(id, rc == null ? -1 : rc.intValue(), timedOut,
          Boolean.TRUE.equals(state.getOOMKilled()), wall);
    } catch (RuntimeException e) {
      remove(id);
      throw DockerUnavailableException.of(engine.host(), e);
    }
  }

  /** True when the container ended within {@code timeout}. */
  private boolean awaitExit(String id, Duration timeout) {
    try (WaitContainerResultCallback wait = engine.client().waitContainerCmd(id)
        .exec(new WaitContainerResultCallback())) {
      wait.awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (DockerClientException e) {
      // awaitStatusCode reports its own time limit this way.
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** The soft stop first (SIGTERM), then the hard one once the grace period is over. */
  private void stop(String id) {
    DockerClient docker = engine.client();
    try {
      docker.killContainerCmd(id).withSignal("SIGTERM").exec();
    } catch (RuntimeException e) {
      LOG.debug("SIGTERM not delivered [container={}, error={}]", id, e.toString());
    }
    if (!awaitExit(id, GRACE)) {
      try {
        docker.killContainerCmd(id).withSignal("SIGKILL").exec();
      } catch (RuntimeException e) {
        LOG.debug("SIGKILL not delivered [container={}, error={}]", id, e.toString());
      }
      awaitExit(id, GRACE);
    }
  }

  private void remove(String id) {
    try {
      engine.client().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException e) {
      // Already gone.
    } catch (RuntimeException e) {
      LOG.warn("Container could not be removed [container={}, error={}]", id, e.toString());
      return;
    }
    LIVE.remove(id);
  }

  /**
   * True once the JVM's exit has removed containers whose tools were still running: their
   * outcome says nothing about the trial, which must be handed back rather than recorded.
   */
  public static boolean removedAtExit() {
    return removedAtExit;
  }

  /** The exit hook: like local tools, containers get the exit grace, then are removed. */
  private static void removeLive() {
    long end = System.nanoTime() + ProcessRunner.exitGrace().toNanos();
    while (!LIVE.isEmpty() && System.nanoTime() < end) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        break;
      }
    }
    if (LIVE.isEmpty()) {
      return;
    }
    removedAtExit = true;
    for (Map.Entry<String, DockerEngine> live : Map.copyOf(LIVE).entrySet()) {
      try {
        live.getValue().client().removeContainerCmd(live.getKey()).withForce(true).exec();
      } catch (RuntimeException e) {
        // The JVM is exiting; nothing more can be done for this container.
      }
    }
  }

  private record CappedLogs(String stdout, String stderr) {}

  private CappedLogs logs(String id, int cap) throws DockerUnavailableException {
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    collect(id, frame -> {
      StringBuilder to = frame.getStreamType() == StreamType.STDERR ? err : out;
      if (to.length() < cap) {
        to.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
      }
    });
    return new CappedLogs(out.toString(), err.toString());
  }

  private void writeLogs(String id, Path stdout, Path stderr) throws DockerUnavailableException {
    try (OutputStream out = Files.newOutputStream(stdout);
        OutputStream err = Files.newOutputStream(stderr)) {
      long[] written = new long[2];
      IOException[] failed = new IOException[1];
      collect(id, frame -> {
        int which = frame.getStreamType() == StreamType.STDERR ? 1 : 0;
        byte[] bytes = frame.getPayload();
        long room = LOG_CAP - written[which];
        try {
          if (room > 0) {
            int n = (int) Math.min(room, bytes.length);
            (which == 0 ? out : err).write(bytes, 0, n);
            written[which] += n;
            if (n < bytes.length) {
              (which == 0 ? out : err).write(("\n[noodle: log cut at " + LOG_CAP
                  + " bytes]\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
              written[which] = LOG_CAP;
            }
          }
        } catch (IOException e) {
          failed[0] = e;
        }
      });
      if (failed[0] != null) {
        throw failed[0];
      }
    } catch (IOException e) {
      throw new DockerUnavailableException("the container's logs could not be written to "
          + stdout.getParent() + ": " + e.getMessage(), e);
    }
  }

  private void collect(String id, java.util.function.Consumer<Frame> sink)
      throws DockerUnavailableException {
    ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
      @Override
      public void onNext(Frame frame) {
        sink.accept(frame);
      }
    };
    try {
      engine.client().logContainerCmd(id).withStdOut(true).withStdErr(true)
          .withFollowStream(false).exec(callback).awaitCompletion(2, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DockerUnavailableException("interrupted while reading container logs", e);
    } catch (RuntimeException e) {
      throw DockerUnavailableException.of(engine.host(), e);
    }
  }

  private DockerEngine.ImageFacts image(ContainerSpec spec) throws DockerUnavailableException {
    return engine.inspect(spec.imageId()).orElseThrow(() -> new DockerUnavailableException(
        "the image " + spec.image() + " (" + spec.imageId() + ") is not on this node's Docker "
            + "engine; build it there with deploy/images/build.sh or 'docker load' it", null));
  }

  private static void mount(List<Mount> mounts, List<String> text, String source, String target,
      boolean readOnly) {
    mounts.add(new Mount().withType(MountType.BIND).withSource(source).withTarget(target)
        .withReadOnly(readOnly));
    text.add(source + ":" + target + ":" + (readOnly ? "ro" : "rw"));
  }

  private static String realPath(Path p) throws DockerUnavailableException {
    try {
      return p.toRealPath().toString();
    } catch (IOException e) {
      throw new DockerUnavailableException("cannot mount " + p + ": " + e.getMessage(), e);
    }
  }

  /**
   * The tool runs as another user than a root worker, so it must be able to write the work
   * directory; nothing else on the host is opened up.
   */
  private void openForTool(Path workDir) throws IOException {
    if (user.equals(DEFAULT_USER) && currentUid() == 0) {
      Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxrwxrwx"));
    }
  }

  /** The worker's own user when it is not root (it then owns what the tool writes). */
  static String userFor(int uid, int gid) {
    return uid <= 0 ? DEFAULT_USER : uid + ":" + Math.max(gid, 0);
  }

  private static String containerName(String step) {
    String safe = step.replaceAll("[^A-Za-z0-9_.-]", "_");
    if (safe.length() > 80) {
      safe = safe.substring(0, 80);
    }
    return "noodle-" + safe + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static int currentUid() {
    return procStatusId("Uid:");
  }

  private static int currentGid() {
    return procStatusId("Gid:");
  }

  private static int procStatusId(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field)) {
          return Integer.parseInt(line.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("User id not read from /proc/self/status [error={}]", e.toString());
    }
    return -1;
  }
}
