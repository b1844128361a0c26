package dev.noodle.common.policy;

import dev.noodle.common.eco.EcoCatalog;
import dev.noodle.common.eco.EcoInstance;
import dev.noodle.common.study.Stage;
import dev.noodle.common.trial.TrialResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides the trials of a stage: which parent case gets which ECO. The order is a pure function
 * of the survivors and the stage's candidates, so a study always names and runs the same trials.
 *
 * <p>Every (parent, ECO) pair is tried at most once: the tools are deterministic, so a repeat
 * would only spend budget. Pairs are interleaved so that a budget smaller than the full product
 * still gives every parent a trial and spreads the ECOs across them.
 */
public final class TrialPlanner {
  private TrialPlanner() {}

  /** The base case's plan: the no-op ECO on the snapshot. */
  public static PlannedTrial base(String baseCase) {
    return new PlannedTrial(baseCase, null, -1, 0, List.of(EcoCatalog.noopInstance()));
  }

  /**
   * Plans a stage.
   *
   * @param baseCase base case name, the prefix of every derived case
   * @param stage the stage
   * @param parents survivors of the previous stage (or the base case), best first
   * @param quarantined ECO names taken out of the study by containment
   */
  public static List<PlannedTrial> plan(String baseCase, Stage stage, List<TrialResult> parents,
      Set<String> quarantined) {
    List<EcoInstance> candidates = stage.candidates().stream()
        .filter(c -> !quarantined.contains(c.eco())).toList();
    int p = parents.size();
    int c = candidates.size();
    if (p == 0 || c == 0) {
      return List.of();
    }
    long pairs = (long) p * c;
    int count = (int) Math.min(stage.trialBudget(), pairs);
    List<PlannedTrial> out = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      TrialResult parent = parents.get(k % p);
      // For a fixed parent, (k / p + parent) mod c walks through every candidate once.
      EcoInstance eco = candidates.get((int) ((k / p + k % p) % c));
      List<EcoInstance> chain = new ArrayList<>();
      for (EcoInstance e : parent.chain()) {
        if (!e.eco().equals(EcoCatalog.NOOP)) {
          chain.add(e);
        }
      }
      chain.add(eco);
      out.add(new PlannedTrial(CaseNames.derived(baseCase, stage.index(), k), parent.caseName(),
          stage.index(), k, chain));
    }
    return out;
  }
}
