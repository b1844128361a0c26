package dev.noodle.common.trial;

import dev.noodle.common.eco.EcoInstance;
import java.util.List;

/**
 * The one result record of a trial, as committed to the cluster.
 *
 * @param study study name
 * @param caseName case measured
 * @param parentCase parent case, or null for the base
 * @param stage stage index, or -1 for the base
 * @param index position within the stage
 * @param chain ECO chain from the base
 * @param status SUCCEEDED with metrics, or FAILED with a failure
 * @param metrics trusted metrics, or null
 * @param failure classified failure, or null
 * @param node id of the node that ran it
 * @param host host name of that node
 * @param attempt attempt number that committed it (1 for the first)
 * @param workDir work directory on that node
 * @param startedAt ISO-8601 start
 * @param endedAt ISO-8601 end
 * @param wallMillis wall-clock time of the whole trial
 * @param cpuMillis CPU time of all its tool runs, or -1 when unknown
 * @param steps each tool run
 * @param snapshotSha256 hash of the snapshot it started from
 * @param reusedFrom {@code study/case} of the recorded trial whose result this one reuses
 *     because their inputs were identical, or null when this trial ran its tools
 */
public record TrialResult(
    String study,
    String caseName,
    String parentCase,
    int stage,
    int index,
    List<EcoInstance> chain,
    TrialStatus status,
    Metrics metrics,
    Failure failure,
    String node,
    String host,
    int attempt,
    String workDir,
    String startedAt,
    String endedAt,
    long wallMillis,
    long cpuMillis,
    List<StepRecord> steps,
    String snapshotSha256,
    String reusedFrom) {

  public TrialResult {
    chain = List.copyOf(chain);
    steps = List.copyOf(steps);
  }

  public boolean succeeded() {
    return status == TrialStatus.SUCCEEDED && metrics != null;
  }

  /** The ECO this trial tried (the last of its chain). */
  public EcoInstance eco() {
    return chain.get(chain.size() - 1);
  }
}
