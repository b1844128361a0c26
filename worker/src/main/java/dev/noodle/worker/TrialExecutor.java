package dev.noodle.worker;

import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import dev.noodle.common.eco.TrialScripts;
import dev.noodle.common.json.Json;
import dev.noodle.common.report.LogScan;
import dev.noodle.common.report.LogScanner;
import dev.noodle.common.report.StaReportParser;
import dev.noodle.common.report.TimingReading;
import dev.noodle.common.trial.Failure;
import dev.noodle.common.trial.FailureClassifier;
import dev.noodle.common.trial.FailureType;
import dev.noodle.common.trial.Metrics;
import dev.noodle.common.trial.Provenance;
import dev.noodle.common.trial.StepRecord;
import dev.noodle.common.trial.ToolStep;
import dev.noodle.common.trial.TrialResult;
import dev.noodle.common.trial.TrialSpec;
import dev.noodle.common.trial.TrialStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one trial as local processes in its own work directory and writes its metrics,
 * provenance and artifact index there. Pure with respect to the cluster: committing the result
 * is the caller's job.
 *
 * <p>The snapshot is only read. A rerun of the same trial (a new attempt) starts from an empty
 * work directory.
 */
public final class TrialExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(TrialExecutor.class);
  /** Logs longer than this are read only in part; the classification says so. */
  private static final long MAX_LOG_SCAN = 64L * 1024 * 1024;
  static final String VERSION = "0.1.0";
  /** Name of the link to the snapshot inside each trial's work directory. */
  static final String SNAPSHOT_LINK = "snapshot";

  private final Path workRoot;
  private final String node;
  private final String host;
  private final SnapshotSource snapshots;
  private final java.util.function.Supplier<DockerTrialRunner> docker;

  /**
   * @param workRoot folder under which each trial gets {@code <study>/trials/<case>/}
   * @param node id of the node running trials
   * @param host host name for provenance
   * @param snapshots where this node finds a trial's snapshot
   */
  public TrialExecutor(Path workRoot, String node, String host, SnapshotSource snapshots) {
    this(workRoot, node, host, snapshots, () -> new DockerTrialRunner(DockerEngine.shared()));
  }

  /**
   * @param docker runs the steps of trials that ask for a container; only called for those
   */
  public TrialExecutor(Path workRoot, String node, String host, SnapshotSource snapshots,
      java.util.function.Supplier<DockerTrialRunner> docker) {
    this.workRoot = workRoot;
    this.node = node;
    this.host = host;
    this.snapshots = snapshots;
    this.docker = docker;
  }

  public Path workDir(TrialSpec spec) {
    return workRoot.resolve(spec.study()).resolve("trials").resolve(spec.caseName());
  }

  /** Runs the trial; tool failures come back classified, never as exceptions. */
  public TrialResult execute(TrialSpec spec, int attempt) {
    Instant started = Instant.now();
    Path dir = workDir(spec);
    List<StepRecord> records = new ArrayList<>();
    Failure failure = null;
    Metrics metrics = null;
    try {
      prepare(dir);
      Path snapshot;
      try {
        snapshot = snapshots.resolve(spec);
      } catch (IOException e) {
        throw new IOException("the snapshot " + spec.snapshotSha256() + " is not available on "
            + "this node: " + e.getMessage(), e);
      }
      // Scripts reach the snapshot through a link in the work directory: a relative path the
      // tools read whatever characters the real folder's path holds.
      Files.createSymbolicLink(dir.resolve(SNAPSHOT_LINK), snapshot.toAbsolutePath());
      String snapshotDir = SNAPSHOT_LINK;
      long deadline = System.nanoTime() + Duration.ofSeconds(spec.timeoutSeconds()).toNanos();
      for (ToolStep step : spec.steps()) {
        StepRun run = runStep(spec, step, dir, snapshotDir, deadline);
        records.add(run.record());
        failure = run.failure();
        if (failure != null) {
          break;
        }
        if (step.timingReport()) {
          TimingReading reading = readTiming(dir.resolve(step.name() + ".stdout.log"),
              spec.declaredTimeUnit());
          failure = FailureClassifier.classify(reading, run.log());
          metrics = reading.metrics();
        }
      }
      if (failure == null && metrics == null) {
        failure = Failure.of(FailureType.MISSING_OUTPUT,
            "no step of the trial produced a timing report", "");
      }
      if (failure == null && !Files.isRegularFile(dir.resolve(spec.outputNetlist()))) {
        failure = Failure.of(FailureType.MISSING_OUTPUT, "the trial wrote no netlist "
            + spec.outputNetlist(), "");
      }
    } catch (IOException e) {
      failure = Failure.of(FailureType.INFRASTRUCTURE, "the work directory " + dir
          + " could not be used: " + e.getMessage(), "");
    }
    if (failure != null) {
      metrics = null;
    }
    Instant ended = Instant.now();
    long cpu = records.stream().mapToLong(StepRecord::cpuMillis).anyMatch(c -> c < 0) ? -1
        : records.stream().mapToLong(StepRecord::cpuMillis).sum();
    TrialResult result = new TrialResult(spec.study(), spec.caseName(), spec.parentCase(),
        spec.stage(), spec.index(), spec.chain(),
        failure == null ? TrialStatus.SUCCEEDED : TrialStatus.FAILED, metrics, failure, node, host,
        attempt, dir.toString(), started.toString(), ended.toString(),
        Duration.between(started, ended).toMillis(), cpu, records, spec.snapshotSha256(), null);
    writeRecords(spec, result, dir);
    return result;
  }

  /**
   * The result of a trial whose inputs are identical to {@code recorded}'s, taken instead of
   * running the tools: same outcome and tool runs, this trial's identity, and
   * {@code reusedFrom} naming where it came from. The work directory gets the trial's records
   * but no tool output.
   */
  public TrialResult reuse(TrialSpec spec, int attempt, TrialResult recorded) {
    Instant now = Instant.now();
    Path dir = workDir(spec);
    String origin = recorded.study() + "/" + recorded.caseName();
    TrialResult result = new TrialResult(spec.study(), spec.caseName(), spec.parentCase(),
        spec.stage(), spec.index(), spec.chain(), recorded.status(), recorded.metrics(),
        recorded.failure(), node, host, attempt, dir.toString(), now.toString(), now.toString(),
        0, 0, recorded.steps(), spec.snapshotSha256(), origin);
    try {
      prepare(dir);
      writeRecords(spec, result, dir);
    } catch (IOException e) {
      LOG.warn("Trial records could not be written [trial={}, dir={}, error={}]", spec.key(),
          dir, e.getMessage());
    }
    return result;
  }

  /** The provenance of a result. */
  public static Provenance provenance(TrialSpec spec, TrialResult r) {
    return new Provenance(1, spec.study(), spec.caseName(), spec.parentCase(), spec.chain(),
        spec.snapshotDir(), spec.snapshotSha256(), r.steps(), r.node(), r.host(), r.attempt(),
        r.workDir(), r.startedAt(), r.endedAt(), VERSION, r.reusedFrom());
  }

  private record StepRun(StepRecord record, LogScan log, Failure failure) {}

  private StepRun runStep(TrialSpec spec, ToolStep step, Path dir, String snapshotDir,
      long deadline) throws IOException {
    Path script = dir.resolve(step.scriptName());
    String text = step.script().replace(TrialScripts.SNAPSHOT_TOKEN, snapshotDir);
    Files.writeString(script, text, StandardCharsets.UTF_8);
    for (Map.Entry<String, String> file : step.files().entrySet()) {
      Files.writeString(dir.resolve(file.getKey()),
          file.getValue().replace(TrialScripts.SNAPSHOT_TOKEN, snapshotDir),
          StandardCharsets.UTF_8);
    }
    // The hash is of the script as rendered, before the local snapshot path is put in, so the
    // same trial hashes the same on every node.
    String scriptSha = Hashing.sha256().hashString(step.script(), StandardCharsets.UTF_8)
        .toString();
    List<String> command = step.command(step.scriptName());
    Path stdout = dir.resolve(step.name() + ".stdout.log");
    Path stderr = dir.resolve(step.name() + ".stderr.log");
    long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    Attempt attempt = spec.container() != null
        ? runInContainer(spec, step, command, dir, stdout, stderr, Duration.ofMillis(left),
            scriptSha)
        : runLocally(step, command, dir, stdout, stderr, Duration.ofMillis(left), scriptSha);
    StepRecord record = attempt.record();
    if (attempt.notStarted() != null) {
      Failure failure = Failure.of(FailureType.INFRASTRUCTURE, step.tool() + " (step "
          + step.name() + ") could not be started: " + attempt.notStarted(), "");
      return new StepRun(record, new LogScan(List.of(), 0, 0, null, List.of(), false), failure);
    }
    LogScan log = scan(stdout, stderr);
    Failure failure = FailureClassifier.classify(record, log, spec.timeoutSeconds());
    if (failure != null) {
      LOG.debug("Trial step failed [trial={}, step={}, type={}, reason={}]", spec.key(),
          step.name(), failure.type().key(), failure.reason());
    }
    return new StepRun(record, log, failure);
  }

  /** A step's run, or why it could not start (the machine's fault, not the ECO's). */
  private record Attempt(StepRecord record, String notStarted) {}

  /** Runs a step as a local process. */
  private static Attempt runLocally(ToolStep step, List<String> command, Path dir,
      Path stdout, Path stderr, Duration left, String scriptSha) {
    String version = ToolVersions.of(step.executable(), step.versionArguments());
    try {
      ProcessOutcome o = ProcessRunner.run(command, dir, stdout, stderr, left);
      return new Attempt(new StepRecord(step.name(), step.tool(), version, command,
          o.exitCode(), o.signal(), o.timedOut(), o.wallMillis(), o.cpuMillis(), scriptSha),
          null);
    } catch (IOException e) {
      return new Attempt(new StepRecord(step.name(), step.tool(), version, command, -1, 0,
          false, 0, -1, scriptSha), e.getMessage());
    }
  }

  /** Runs a step in its own container; an engine that fails is like a tool that cannot start. */
  private Attempt runInContainer(TrialSpec spec, ToolStep step, List<String> command,
      Path dir, Path stdout, Path stderr, Duration left, String scriptSha) throws IOException {
    Path link = dir.resolve(SNAPSHOT_LINK);
    String target = Files.readSymbolicLink(link).toString();
    DockerTrialRunner runner = docker.get();
    try {
      String version = runner.toolVersion(spec.container(), step.executable(),
          step.versionArguments());
      DockerTrialRunner.Outcome o = runner.run(spec.container(), spec.key() + "-" + step.name(),
          command, dir, target, link, stdout, stderr, left);
      ProcessOutcome p = o.process();
      return new Attempt(new StepRecord(step.name(), step.tool(), version, command,
          p.exitCode(), p.signal(), p.timedOut(), p.wallMillis(), p.cpuMillis(), scriptSha,
          o.oomKilled(), o.container()), null);
    } catch (DockerUnavailableException e) {
      LOG.warn("Docker could not run the trial step [trial={}, step={}, error={}]", spec.key(),
          step.name(), e.getMessage());
      return new Attempt(new StepRecord(step.name(), step.tool(), ToolVersions.UNKNOWN, command,
          -1, 0, false, 0, -1, scriptSha), e.getMessage());
    }
  }

  /** Scans a tool's two logs as one, streaming, with bounded memory. */
  public static LogScan scan(Path stdout, Path stderr) throws IOException {
    try (InputStream both = new SequenceInputStream(Files.newInputStream(stdout),
        Files.newInputStream(stderr));
        Reader reader = new InputStreamReader(both, StandardCharsets.UTF_8)) {
      return new LogScanner(MAX_LOG_SCAN).scan(reader);
    }
  }

  private static TimingReading readTiming(Path report, String declaredUnit) throws IOException {
    try (Reader reader = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
      return StaReportParser.parse(reader, declaredUnit);
    }
  }

  private static void prepare(Path dir) throws IOException {
    if (Files.exists(dir)) {
      MoreFiles.deleteRecursively(dir, RecursiveDeleteOption.ALLOW_INSECURE);
    }
    Files.createDirectories(dir);
  }

  /**
   * Writes a trial's {@code metrics.json} and {@code provenance.json} into {@code dir}. Used by
   * the node that ran the trial, and by a coordinator on another machine to complete its own
   * output tree from the cluster's records.
   */
  public static void writeMetricsAndProvenance(Path dir, TrialResult result, Provenance prov)
      throws IOException {
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("schema", 1);
    metrics.put("case_name", result.caseName());
    metrics.put("status", result.status());
    metrics.put("metrics", result.metrics());
    metrics.put("failure", result.failure());
    metrics.put("node", result.node());
    metrics.put("wall_millis", result.wallMillis());
    metrics.put("cpu_millis", result.cpuMillis());
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("metrics.json"), Json.write(metrics));
    Files.writeString(dir.resolve("provenance.json"), Json.write(prov));
  }

  private static void writeRecords(TrialSpec spec, TrialResult result, Path dir) {
    try {
      writeMetricsAndProvenance(dir, result, provenance(spec, result));
      Map<String, Object> index = new LinkedHashMap<>();
      index.put("schema", 1);
      index.put("files", artifactIndex(dir));
      Files.writeString(dir.resolve("artifact_index.json"), Json.write(index));
    } catch (IOException e) {
      LOG.warn("Trial records could not be written [trial={}, dir={}, error={}]", spec.key(), dir,
          e.getMessage());
    }
  }

  private static List<Map<String, Object>> artifactIndex(Path dir) throws IOException {
    List<Map<String, Object>> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = dir.relativize(p).toString();
        if (name.equals("artifact_index.json") || name.startsWith(".cpu")) {
          continue;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("path", name);
        entry.put("bytes", Files.size(p));
        entry.put("sha256", MoreFiles.asByteSource(p).hash(Hashing.sha256()).toString());
        files.add(entry);
      }
    }
    return files;
  }
}
