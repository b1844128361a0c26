package dev.noodle.coordinator.study;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.noodle.common.eco.EcoInstance;
import dev.noodle.common.policy.EcoLeaderboard;
import dev.noodle.common.policy.Ranking;
import dev.noodle.common.study.Snapshot;
import dev.noodle.common.study.Stage;
import dev.noodle.common.study.Study;
import dev.noodle.common.trial.Failure;
import dev.noodle.common.trial.TrialResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a study as written to {@code summary.json}.
 *
 * @param schema version of this layout; fields are only ever added
 * @param study study name
 * @param status {@code completed}, {@code blocked} or {@code aborted}
 * @param reason why the study is blocked or aborted, or null
 * @param blockedBy the failure that blocked it, or null
 * @param safetyDomain the study's safety domain
 * @param snapshot snapshot folder and hash
 * @param base the base case, or null when it never ran
 * @param best the best trusted case, or null
 * @param trials counts over every trial, the base case included
 * @param stages one entry per stage that ran
 * @param quarantinedEcos ECOs containment took out of the study
 * @param startedAt ISO-8601 start
 * @param endedAt ISO-8601 end
 * @param wallSeconds run time
 * @param cases every trial, in run order
 */
public record StudySummary(
    int schema,
    String study,
    String status,
    String reason,
    Failure blockedBy,
    String safetyDomain,
    SnapshotInfo snapshot,
    CaseLine base,
    CaseLine best,
    Counts trials,
    List<StageSummary> stages,
    List<String> quarantinedEcos,
    String startedAt,
    String endedAt,
    double wallSeconds,
    List<CaseLine> cases) {

  /** Snapshot folder and hash. */
  public record SnapshotInfo(String dir, String sha256) {}

  /**
   * One case's line.
   *
   * @param caseName case name
   * @param parent parent case, or null
   * @param stage stage index, -1 for the base
   * @param eco the ECO it tried, with parameters
   * @param chain the ECO chain from the base
   * @param status {@code succeeded} or {@code failed}
   * @param wnsPs WNS in ps, or null when failed
   * @param tnsPs TNS in ps, or null when failed
   * @param violatingEndpoints violating endpoints, or null when failed
   * @param areaUm2 cell area, or null
   * @param failureType failure type key, or null
   * @param failureReason failure reason, or null
   * @param reusedFrom the recorded trial whose result this case reused, or null when it ran
   */
  public record CaseLine(String caseName, String parent, int stage, String eco,
      List<String> chain, String status, Double wnsPs, Double tnsPs, Integer violatingEndpoints,
      Double areaUm2, String failureType, String failureReason, String reusedFrom) {

    static CaseLine of(TrialResult r) {
      boolean ok = r.succeeded();
      return new CaseLine(r.caseName(), r.parentCase(), r.stage(), r.eco().label(),
          r.chain().stream().map(EcoInstance::label).toList(),
          ok ? "succeeded" : "failed",
          ok ? r.metrics().wnsPs() : null, ok ? r.metrics().tnsPs() : null,
          ok ? r.metrics().violatingEndpoints() : null, ok ? r.metrics().areaUm2() : null,
          ok ? null : r.failure().type().key(), ok ? null : r.failure().reason(),
          r.reusedFrom());
    }
  }

  /**
   * Trial counts.
   *
   * @param total every trial, the base case included
   * @param succeeded trials with trusted metrics
   * @param failed failed trials
   * @param reused trials that took the recorded result of a trial with identical inputs
   *     instead of running the tools (counted in succeeded or failed too)
   * @param byFailureType failed trials per failure type
   */
  public record Counts(int total, int succeeded, int failed, int reused,
      Map<String, Integer> byFailureType) {}

  /**
   * One stage's outcome.
   *
   * @param index stage index
   * @param name stage name
   * @param trials trials run
   * @param succeeded trials with trusted metrics
   * @param failed failed trials
   * @param survivors how many cases go on
   * @param survivorCases those cases, best first; a parent that beat all of the stage's trials
   *     is carried over and appears here too
   * @param bestCase best trial of the stage itself, or null
   * @param bestWnsPs its WNS, or null
   */
  public record StageSummary(int index, String name, int trials, int succeeded, int failed,
      int survivors, List<String> survivorCases, String bestCase, Double bestWnsPs) {

    /** The line printed when the stage ends. */
    @JsonIgnore
    public String line() {
      String best = bestCase == null ? "no trusted result"
          : String.format(Locale.ROOT, "best %s WNS %.1f ps", bestCase, bestWnsPs);
      return String.format(Locale.ROOT, "Stage %d '%s': %d trials, %d failed, %s; survivors: %s",
          index, name, trials, failed, best,
          survivorCases.isEmpty() ? "none" : String.join(", ", survivorCases));
    }
  }

  /** Collects a summary while the study runs. Not thread-safe. */
  static final class Builder {
    private final Study study;
    private final Instant started;
    private final List<StageSummary> stages = new ArrayList<>();
    private SnapshotInfo snapshot;
    private String status = "completed";
    private String reason;
    private Failure blockedBy;

    Builder(Study study, Instant started) {
      this.study = study;
      this.started = started;
    }

    void snapshot(Snapshot s) {
      snapshot = new SnapshotInfo(s.dir(), s.sha256());
    }

    StageSummary stage(Stage stage, int planned, List<TrialResult> results,
        List<TrialResult> survivors) {
      int ok = (int) results.stream().filter(TrialResult::succeeded).count();
      List<TrialResult> ranked = Ranking.top(results, 1);
      TrialResult best = ranked.isEmpty() ? null : ranked.get(0);
      StageSummary s = new StageSummary(stage.index(), stage.name(), results.size(), ok,
          results.size() - ok, survivors.size(),
          survivors.stream().map(TrialResult::caseName).toList(),
          best == null ? null : best.caseName(), best == null ? null : best.metrics().wnsPs());
      stages.add(s);
      return s;
    }

    int stagesDone() {
      return stages.size();
    }

    Builder blocked(String why, Failure failure) {
      status = "blocked";
      reason = why;
      blockedBy = failure;
      return this;
    }

    Builder aborted(String why) {
      status = "aborted";
      reason = why;
      return this;
    }

    Builder completed() {
      status = "completed";
      return this;
    }

    StudySummary build(List<TrialResult> all, EcoLeaderboard board) {
      Instant ended = Instant.now();
      TrialResult base = all.stream().filter(r -> r.parentCase() == null).findFirst()
          .orElse(null);
      List<TrialResult> ranked = Ranking.top(all, 1);
      Map<String, Integer> byType = new TreeMap<>();
      int ok = 0;
      int reused = 0;
      for (TrialResult r : all) {
        if (r.reusedFrom() != null) {
          reused++;
        }
        if (r.succeeded()) {
          ok++;
        } else {
          byType.merge(r.failure().type().key(), 1, Integer::sum);
        }
      }
      return new StudySummary(1, study.name(), status, reason, blockedBy, study.domain().key(),
          snapshot, base == null ? null : CaseLine.of(base),
          ranked.isEmpty() ? null : CaseLine.of(ranked.get(0)),
          new Counts(all.size(), ok, all.size() - ok, reused, byType), List.copyOf(stages),
          List.copyOf(board.quarantined()), started.toString(), ended.toString(),
          Duration.between(started, ended).toMillis() / 1000.0,
          all.stream().map(CaseLine::of).toList());
    }
  }
}
