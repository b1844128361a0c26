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
 * would only spend budget. The budget is shared evenly between the parents, and each parent's
 * trials are spread over the whole candidate list, so a budget smaller than the full product
 * still tries every kind of ECO the stage lists.
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
    int count = (int) Math.min(stage.trialBudget(), (long) p * c);
    List<PlannedTrial> out = new ArrayList<>(count);
    // Parents take turns; parent i gets share(i) trials whose candidates are spread evenly over
    // the whole list, starting at a different offset for each parent.
    for (int round = 0; out.size() < count; round++) {
      for (int i = 0; i < p && out.size() < count; i++) {
        int share = count / p + (i < count % p ? 1 : 0);
        if (round >= share) {
          continue;
        }
        int candidate = (int) (((long) round * c / share + i) % c);
        out.add(trial(baseCase, stage, parents.get(i), candidates.get(candidate), out.size()));
      }
    }
    return out;
  }

  private static PlannedTrial trial(String baseCase, Stage stage, TrialResult parent,
      EcoInstance eco, int index) {
    List<EcoInstance> chain = new ArrayList<>();
    for (EcoInstance e : parent.chain()) {
      if (!e.eco().equals(EcoCatalog.NOOP)) {
        chain.add(e);
      }
    }
    chain.add(eco);
    return new PlannedTrial(CaseNames.derived(baseCase, stage.index(), index), parent.caseName(),
        stage.index(), index, chain);
  }
}
