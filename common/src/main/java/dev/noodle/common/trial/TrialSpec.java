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
 * @param steps tool runs in order; the first failing step ends the trial
 * @param timeoutSeconds wall-clock limit of the whole trial
 * @param declaredTimeUnit time unit the study declares, or null to use the one the tool prints
 * @param outputNetlist file name of the netlist the trial writes
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
    List<ToolStep> steps,
    long timeoutSeconds,
    String declaredTimeUnit,
    String outputNetlist) {

  public TrialSpec {
    chain = List.copyOf(chain);
    steps = List.copyOf(steps);
  }

  /** The last ECO of the chain: the one this trial tries. */
  public EcoInstance eco() {
    return chain.get(chain.size() - 1);
  }

  /** Cluster-wide key: study and case. */
  public String key() {
    return study + "/" + caseName;
  }
}
