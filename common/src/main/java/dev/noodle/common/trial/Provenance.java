package dev.noodle.common.trial;

import dev.noodle.common.eco.EcoInstance;
import java.util.List;

/**
 * Where a result came from: enough to rerun the trial by hand and to tell whether two results
 * had the same inputs.
 *
 * @param schema version of this layout; fields are only ever added
 * @param study study name
 * @param caseName case measured
 * @param parentCase parent case, or null for the base
 * @param chain ECO chain from the base, in order
 * @param snapshotDir snapshot folder
 * @param snapshotSha256 SHA-256 of the snapshot manifest
 * @param steps every tool run: tool, version, exact command, script hash, exit
 * @param node node id that ran the trial
 * @param host its host name
 * @param attempt attempt number
 * @param workDir the trial's work directory
 * @param startedAt ISO-8601 start
 * @param endedAt ISO-8601 end
 * @param noodleVersion version of Noodle that ran it
 * @param reusedFrom {@code study/case} whose recorded result was reused instead of running the
 *     tools (the steps are then that trial's), or null
 */
public record Provenance(
    int schema,
    String study,
    String caseName,
    String parentCase,
    List<EcoInstance> chain,
    String snapshotDir,
    String snapshotSha256,
    List<StepRecord> steps,
    String node,
    String host,
    int attempt,
    String workDir,
    String startedAt,
    String endedAt,
    String noodleVersion,
    String reusedFrom) {

  public Provenance {
    chain = List.copyOf(chain);
    steps = List.copyOf(steps);
  }
}
