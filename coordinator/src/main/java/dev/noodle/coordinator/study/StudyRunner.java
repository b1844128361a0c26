package dev.noodle.coordinator.study;

import dev.noodle.common.eco.TrialScripts;
import dev.noodle.common.policy.EcoLeaderboard;
import dev.noodle.common.policy.PlannedTrial;
import dev.noodle.common.policy.Ranking;
import dev.noodle.common.policy.TrialPlanner;
import dev.noodle.common.study.Runner;
import dev.noodle.common.study.Snapshot;
import dev.noodle.common.study.Stage;
import dev.noodle.common.study.Study;
import dev.noodle.common.trial.ContainerSpec;
import dev.noodle.common.trial.Failure;
import dev.noodle.common.trial.FailureType;
import dev.noodle.common.trial.TrialResult;
import dev.noodle.common.trial.TrialSpec;
import dev.noodle.coordinator.cluster.DockerImages;
import dev.noodle.coordinator.cluster.NodeRole;
import dev.noodle.coordinator.cluster.TrialDispatcher;
import dev.noodle.common.trial.Provenance;
import dev.noodle.worker.SnapshotCache;
import dev.noodle.worker.TrialExecutor;
import dev.noodle.worker.TrialStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.ignite.Ignite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one study through the cluster: freeze the snapshot, run the base case, then each stage
 * on the survivors of the one before, and write the outputs. The base case must pass before any
 * ECO runs.
 */
public final class StudyRunner {
  private static final Logger LOG = LoggerFactory.getLogger(StudyRunner.class);
  /** Key suffix of a finished study's summary in the studies cache. */
  public static final String SUMMARY_SUFFIX = "#summary";

  private final Study study;
  private final Path studyDir;
  private final Ignite ignite;
  private final Progress progress;
  private final java.time.Duration noWorkerWait;
  private final StudyState state;
  private final java.util.concurrent.atomic.AtomicBoolean stopping =
      new java.util.concurrent.atomic.AtomicBoolean();
  /** Each Docker image the study names, pinned to the image id the workers hold. */
  private Map<String, String> pinnedImages = Map.of();

  /**
   * @param study the study, already checked for legality
   * @param studyDir its output folder, {@code DIR/<study>}; must exist
   * @param ignite a node of the cluster that runs the trials
   * @param progress where progress goes
   * @param noWorkerWait how long a trial waits for a worker with its tools before it fails
   */
  public StudyRunner(Study study, Path studyDir, Ignite ignite, Progress progress,
      java.time.Duration noWorkerWait) {
    this.study = study;
    this.studyDir = studyDir;
    this.ignite = ignite;
    this.progress = progress;
    this.noWorkerWait = noWorkerWait;
    this.state = new StudyState(ignite, study.name());
  }

  /**
   * Asks the study to stop: no new trial is sent, running ones finish, and {@link #run} or
   * {@link #resume} returns null with the study left for {@code noodle resume}. Safe from any
   * thread.
   */
  public void requestStop() {
    stopping.set(true);
  }

  /**
   * Starts the study afresh: freezes the snapshot, forgets any earlier run of the same name,
   * stores the study's definition in the cluster, then drives it to its end.
   *
   * @param reuse whether trials may take recorded results of identical inputs
   * @return the summary that was written, or null when stopped by {@link #requestStop}
   */
  public StudySummary run(boolean reuse) throws IOException {
    Instant started = Instant.now();
    StudySummary.Builder summary = new StudySummary.Builder(study, started);
    state.started(started.toString());
    SnapshotBuilder.Built built = SnapshotBuilder.build(study, studyDir.resolve("snapshot"));
    if (built.failure() != null) {
      progress.line("Base snapshot failed: " + built.failure().reason());
      return finish(summary.blocked("the base snapshot could not be built: "
          + built.failure().reason(), built.failure()), List.of());
    }
    Snapshot snapshot = built.snapshot();
    new TrialStore(ignite).forgetStudy(study.name());
    SnapshotCache.publish(ignite, Path.of(snapshot.dir()), snapshot.files());
    new StudyDefinition(1, study, snapshot, reuse, started.toString()).store(ignite);
    return drive(summary, snapshot, reuse);
  }

  /**
   * Continues a study from the cluster's records: trials that have a result keep it, trials
   * still running on a live worker are waited for, and the rest are sent. Planning is
   * deterministic, so the cases are the same as in an uninterrupted run.
   *
   * @return the summary that was written, or null when stopped by {@link #requestStop}
   */
  public StudySummary resume(StudyDefinition definition) throws IOException {
    Instant started = Instant.parse(definition.startedAt());
    StudySummary.Builder summary = new StudySummary.Builder(study, started);
    state.started(definition.startedAt());
    return drive(summary, definition.snapshot(), definition.reuse());
  }

  private StudySummary drive(StudySummary.Builder summary, Snapshot snapshot, boolean reuse)
      throws IOException {
    summary.snapshot(snapshot);
    TrialDispatcher dispatcher = new TrialDispatcher(ignite, noWorkerWait);
    List<TrialResult> all = new ArrayList<>();
    try {
      pinnedImages = pinImages();
    } catch (IllegalStateException e) {
      progress.line("Study blocked: " + e.getMessage());
      return finish(summary.blocked(e.getMessage(), Failure.of(FailureType.INFRASTRUCTURE,
          e.getMessage(), "")), all);
    }

    progress.begin("base case", 1);
    state.stage(-1, "base", 1);
    PlannedTrial basePlan = TrialPlanner.base(study.design().caseName());
    List<TrialResult> baseRun = dispatcher.run(List.of(spec(basePlan, snapshot, reuse)),
        stopping::get, this::onResult);
    if (stopping.get()) {
      return stopped();
    }
    TrialResult base = baseRun.get(0);
    all.add(base);
    if (!base.succeeded()) {
      progress.line("Base case " + base.caseName() + " FAILED (" + base.failure().type().key()
          + "): " + base.failure().reason());
      return finish(summary.blocked("the base case failed: " + base.failure().reason(),
          base.failure()), all);
    }
    progress.line(String.format(Locale.ROOT, "Base case %s: WNS %.1f ps, TNS %.1f ps, "
        + "%d violating endpoints", base.caseName(), base.metrics().wnsPs(),
        base.metrics().tnsPs(), base.metrics().violatingEndpoints()));

    List<TrialResult> parents = List.of(base);
    double bestSoFar = base.metrics().wnsPs();
    for (Stage stage : study.stages()) {
      Set<String> quarantined = EcoLeaderboard.of(all, study.catalog(),
          study.containment().maxEcoFailures()).quarantined();
      List<PlannedTrial> plans = TrialPlanner.plan(study.design().caseName(), stage, parents,
          quarantined);
      List<TrialSpec> specs = new ArrayList<>();
      for (PlannedTrial plan : plans) {
        specs.add(spec(plan, snapshot, reuse));
      }
      progress.begin("stage " + stage.index() + " '" + stage.name() + "'", specs.size());
      state.stage(stage.index(), stage.name(), specs.size());
      int[] failures = {0};
      int maxFailures = stage.abort().maxFailures();
      List<TrialResult> results = dispatcher.run(specs,
          () -> stopping.get() || (maxFailures >= 0 && failures[0] > maxFailures),
          r -> {
            if (!r.succeeded()) {
              failures[0]++;
            }
            onResult(r);
          });
      if (stopping.get()) {
        return stopped();
      }
      all.addAll(results);
      // Parents compete with their children: a stage never loses the best case it started from.
      List<TrialResult> contenders = new ArrayList<>(results);
      contenders.addAll(parents);
      List<TrialResult> survivors = Ranking.top(contenders, stage.survivors());
      StudySummary.StageSummary stageSummary = summary.stage(stage, specs.size(), results,
          survivors);
      progress.line(stageSummary.line());

      String abort = abortReason(stage, specs.size(), results, survivors, bestSoFar,
          failures[0]);
      if (abort != null) {
        progress.line("Study aborted: " + abort);
        return finish(summary.aborted(abort), all);
      }
      bestSoFar = Math.max(bestSoFar, survivors.get(0).metrics().wnsPs());
      parents = survivors;
    }
    return finish(summary.completed(), all);
  }

  private StudySummary stopped() {
    state.finish("interrupted");
    LOG.info("Study stopped; it can be resumed [study={}]", study.name());
    return null;
  }

  private void onResult(TrialResult r) {
    keepLocally(r);
    state.result(r);
    progress.trial(r);
  }

  /**
   * Completes this machine's output tree when the trial ran elsewhere: its metrics and
   * provenance come from the cluster (the tools' own files stay on the worker).
   */
  private void keepLocally(TrialResult r) {
    Path dir = studyDir.resolve("trials").resolve(r.caseName());
    if (Files.isRegularFile(dir.resolve("metrics.json"))) {
      return;
    }
    try {
      Provenance prov = new TrialStore(ignite).provenance(r.study() + "/" + r.caseName())
          .orElse(null);
      if (prov != null) {
        TrialExecutor.writeMetricsAndProvenance(dir, r, prov);
      }
    } catch (IOException e) {
      LOG.warn("Trial records not written locally [trial={}, error={}]", r.caseName(),
          e.getMessage());
    }
  }

  private static String abortReason(Stage stage, int planned, List<TrialResult> results,
      List<TrialResult> survivors, double bestSoFar, int failures) {
    boolean anySucceeded = results.stream().anyMatch(TrialResult::succeeded);
    Stage.AbortRules rules = stage.abort();
    String at = "stage " + stage.index() + " '" + stage.name() + "'";
    if (planned == 0) {
      return at + " had no trial to run (every ECO of the stage is quarantined)";
    }
    if (rules.maxFailures() >= 0 && failures > rules.maxFailures()) {
      return at + ": " + failures + " failed trials, more than abort.max_failures = "
          + rules.maxFailures();
    }
    double rate = results.isEmpty() ? 1 : (double) failures / results.size();
    if (rate > rules.maxFailureRate()) {
      return String.format(Locale.ROOT, "%s: %d of %d trials failed (%.0f%%), more than "
          + "abort.max_failure_rate = %s", at, failures, results.size(), rate * 100,
          rules.maxFailureRate());
    }
    if (!anySucceeded) {
      return at + ": no trial succeeded";
    }
    if (rules.requireImprovement() && survivors.get(0).metrics().wnsPs() <= bestSoFar) {
      return at + ": no trial improved WNS beyond " + bestSoFar + " ps "
          + "(abort.require_improvement)";
    }
    return null;
  }

  private TrialSpec spec(PlannedTrial plan, Snapshot snapshot, boolean reuse) {
    Runner runner = plan.stage() < 0 ? study.runner() : study.stages().get(plan.stage()).runner();
    ContainerSpec container = runner.docker() ? new ContainerSpec(runner.image(),
        pinnedImages.get(runner.image()), runner.cpus(), runner.memoryMb()) : null;
    // Scripts name the snapshot by a token: each worker puts the path of its own copy there.
    return new TrialSpec(study.name(), plan.caseName(), plan.parentCase(), plan.stage(),
        plan.index(), plan.chain(), snapshot.dir(), snapshot.sha256(), snapshot.files(),
        TrialScripts.render(study, snapshot.at(TrialScripts.SNAPSHOT_TOKEN), plan.chain()),
        study.trialTimeout().toSeconds(),
        study.tools().timeUnit(), TrialScripts.OUTPUT_NETLIST, reuse, container);
  }

  /**
   * Pins every Docker image of the study to one image id, from what the workers advertise,
   * waiting up to the no-worker wait for a worker that holds it. The pinned id is what every
   * container of the study is created from, and it is in each trial's provenance.
   */
  private Map<String, String> pinImages() {
    Set<String> images = new java.util.TreeSet<>();
    if (study.runner().docker()) {
      images.add(study.runner().image());
    }
    study.stages().stream().map(Stage::runner).filter(Runner::docker)
        .forEach(r -> images.add(r.image()));
    Map<String, String> pinned = new java.util.TreeMap<>();
    long deadline = System.nanoTime() + noWorkerWait.toNanos();
    for (String image : images) {
      while (true) {
        List<org.apache.ignite.cluster.ClusterNode> workers = new ArrayList<>(ignite.cluster()
            .forServers().forPredicate(n -> String.valueOf(n.<String>attribute(NodeRole.ROLES))
                .contains("worker")).nodes());
        try {
          String id = DockerImages.pin(image, workers);
          pinned.put(image, id);
          progress.line("Image " + image + " pinned to " + id);
          LOG.info("Docker image pinned [study={}, image={}, id={}]", study.name(), image, id);
          break;
        } catch (IllegalStateException e) {
          if (System.nanoTime() >= deadline || stopping.get()) {
            throw e;
          }
          sleepQuietly(1000);
        }
      }
    }
    return pinned;
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private StudySummary finish(StudySummary.Builder builder, List<TrialResult> all)
      throws IOException {
    EcoLeaderboard board = EcoLeaderboard.of(all, study.catalog(),
        study.containment().maxEcoFailures());
    StudySummary summary = builder.build(all, board);
    StudyOutputs.write(studyDir, summary, all, board);
    state.finish(summary.status());
    new TrialStore(ignite).putStudy(study.name() + SUMMARY_SUFFIX,
        dev.noodle.common.json.Json.write(summary));
    LOG.info("Study finished [study={}, status={}, trials={}]", study.name(), summary.status(),
        all.size());
    return summary;
  }

}
