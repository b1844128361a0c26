package dev.noodle.common.study;

import dev.noodle.common.eco.EcoClass;
import dev.noodle.common.eco.EcoInstance;
import java.util.List;
import java.util.Set;

/**
 * One stage of a study.
 *
 * @param index zero-based position in the study
 * @param name label for summaries
 * @param trialBudget most trials the stage may run
 * @param survivors how many of its best cases the next stage builds on
 * @param ecoClasses ECO classes this stage allows (within the safety domain)
 * @param candidates every ECO instance of the stage's sweep, in declared order
 * @param abort when the study stops early
 * @param runner where the stage's trials run
 */
public record Stage(
    int index,
    String name,
    int trialBudget,
    int survivors,
    Set<EcoClass> ecoClasses,
    List<EcoInstance> candidates,
    AbortRules abort,
    Runner runner) {

  public Stage {
    ecoClasses = Set.copyOf(ecoClasses);
    candidates = List.copyOf(candidates);
  }

  /** A stage whose trials run as local processes. */
  public Stage(int index, String name, int trialBudget, int survivors, Set<EcoClass> ecoClasses,
      List<EcoInstance> candidates, AbortRules abort) {
    this(index, name, trialBudget, survivors, ecoClasses, candidates, abort, Runner.LOCAL);
  }

  /**
   * Abort thresholds of a stage.
   *
   * @param maxFailureRate the study is aborted when more than this fraction of the stage's trials
   *     failed (checked when the stage ends)
   * @param maxFailures the study is aborted as soon as more than this many trials of the stage
   *     failed; -1 for no limit
   * @param requireImprovement the study is aborted when no trial of the stage beats the best WNS
   *     found before it
   */
  public record AbortRules(double maxFailureRate, int maxFailures, boolean requireImprovement) {}
}
