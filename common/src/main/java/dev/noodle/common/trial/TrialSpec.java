package dev.noodle.common.trial;

import dev.noodle.common.eco.EcoInstance;
import java.util.List;

/**
 * Everything a worker needs to run one trial, with the scripts already rendered so that the
 * worker holds no study logic.
 *
 * @param study study name
 * @param caseName the case this trial measures, {@code <case>_<stage>_<index>} or the base name
 * @param parentCase the case it derives from, or null for the base case
 * @param stage stage index, or -1 for the base case
 * @param index position within the stage
 * @param chain ECOs from the base to this case, in order
 * @param snapshotDir folder of the base snapshot (never written to)
 * @param snapshotSha256 hash of the snapshot's manifest
 * @param snapshotFiles the snapshot's files by relative path with their SHA-256, so a worker
 *     without the folder can fetch them from the cluster
 * @param steps tool runs in order; the first failing step ends the trial
 * @param timeoutSeconds wall-clock limit of the whole trial
 * @param declaredTimeUnit time unit the study declares, or null to use the one the tool prints
 * @param outputNetlist file name of the netlist the trial writes
 * @param reuse whether a recorded result of a trial with the same inputs may stand in for
 *     running this one (see {@code TrialInputs})
 * @param container the container the tools run in, or null to run them as local processes
 */
public record TrialSpec(
    String study,
    String caseName,
    String parentCase,
    int stage,
    int index,
    List<EcoInstance> chain,
    String snapshotDir,
    String snapshotSha256,
    java.util.Map<String, String> snapshotFiles,
    List<ToolStep> steps,
    long timeoutSeconds,
    String declaredTimeUnit,
    String outputNetlist,
    boolean reuse,
    ContainerSpec container) {

  public TrialSpec {
    chain = List.copyOf(chain);
    steps = List.copyOf(steps);
    snapshotFiles = java.util.Map.copyOf(snapshotFiles);
  }

  /** A trial whose tools run as local processes. */
  public TrialSpec(String study, String caseName, String parentCase, int stage, int index,
      List<EcoInstance> chain, String snapshotDir, String snapshotSha256,
      java.util.Map<String, String> snapshotFiles, List<ToolStep> steps, long timeoutSeconds,
      String declaredTimeUnit, String outputNetlist, boolean reuse) {
    this(study, caseName, parentCase, stage, index, chain, snapshotDir, snapshotSha256,
        snapshotFiles, steps, timeoutSeconds, declaredTimeUnit, outputNetlist, reuse, null);
  }

  /** True when the trial's tools run in a container, so only a node with Docker can run it. */
  public boolean needsDocker() {
    return container != null;
  }

  /** The last ECO of the chain: the one this trial tries. */
  public EcoInstance eco() {
    return chain.get(chain.size() - 1);
  }

  /** The tools the trial needs on the node that runs it (executable names). */
  public java.util.Set<String> tools() {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (ToolStep s : steps) {
      out.add(java.nio.file.Path.of(s.executable()).getFileName().toString());
    }
    return out;
  }

  /** Cluster-wide key: study and case. */
  public String key() {
    return study + "/" + caseName;
  }
}
