package dev.noodle.common.policy;

import dev.noodle.common.trial.TrialResult;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Orders trusted results: higher WNS first, then higher TNS (less negative), then the larger
 * worst slack (WNS and TNS both read 0 once timing is met, the margin still differs), then the
 * earlier case, so ties always break the same way. Failed trials are never ranked.
 */
public final class Ranking {
  public static final Comparator<TrialResult> BEST_FIRST = Comparator
      .comparingDouble((TrialResult r) -> -r.metrics().wnsPs())
      .thenComparingDouble(r -> -r.metrics().tnsPs())
      .thenComparingDouble(r -> -r.metrics().worstSlackPs())
      .thenComparingInt(TrialResult::stage)
      .thenComparingInt(TrialResult::index);

  private Ranking() {}

  /** The best {@code n} trusted results, best first. */
  public static List<TrialResult> top(Collection<TrialResult> results, int n) {
    return results.stream().filter(TrialResult::succeeded).sorted(BEST_FIRST).limit(n).toList();
  }
}
