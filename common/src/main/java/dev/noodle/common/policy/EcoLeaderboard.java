package dev.noodle.common.policy;

import dev.noodle.common.eco.EcoCatalog;
import dev.noodle.common.trial.TrialResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * ECO priors and the leaderboard, derived from the finished trials of a study. Nothing here is
 * stored: it is recomputed from the result records, so it can never disagree with them.
 */
public final class EcoLeaderboard {
  private static final int MIN_TRIALS_FOR_PRIOR = 2;

  private final List<EcoStanding> rows;

  private EcoLeaderboard(List<EcoStanding> rows) {
    this.rows = rows;
  }

  /**
   * Builds the leaderboard.
   *
   * @param results every finished trial of the study, the base case included
   * @param catalog the study's ECO catalog
   * @param maxEcoFailures failures that quarantine an ECO
   */
  public static EcoLeaderboard of(Collection<TrialResult> results, EcoCatalog catalog,
      int maxEcoFailures) {
    Map<String, TrialResult> byCase = new LinkedHashMap<>();
    for (TrialResult r : results) {
      byCase.put(r.caseName(), r);
    }
    Map<String, List<TrialResult>> byEco = new LinkedHashMap<>();
    results.stream()
        .filter(r -> r.parentCase() != null)
        .sorted(Comparator.comparingInt(TrialResult::stage).thenComparingInt(TrialResult::index))
        .forEach(r -> byEco.computeIfAbsent(r.eco().eco(), k -> new ArrayList<>()).add(r));

    List<EcoStanding> rows = new ArrayList<>();
    for (Map.Entry<String, List<TrialResult>> e : byEco.entrySet()) {
      rows.add(standing(e.getKey(), e.getValue(), byCase, catalog, maxEcoFailures));
    }
    rows.sort(Comparator
        .comparing((EcoStanding s) -> s.bestGainPs() == null ? Double.NEGATIVE_INFINITY
            : s.bestGainPs(), Comparator.reverseOrder())
        .thenComparing(EcoStanding::eco));
    return new EcoLeaderboard(List.copyOf(rows));
  }

  private static EcoStanding standing(String eco, List<TrialResult> trials,
      Map<String, TrialResult> byCase, EcoCatalog catalog, int maxEcoFailures) {
    int succeeded = 0;
    int failed = 0;
    int improved = 0;
    int regressed = 0;
    int measured = 0;
    double sum = 0;
    Double best = null;
    String bestCase = null;
    for (TrialResult r : trials) {
      if (!r.succeeded()) {
        if (r.failure() != null && r.failure().countsAgainstEco()) {
          failed++;
        }
        continue;
      }
      succeeded++;
      TrialResult parent = byCase.get(r.parentCase());
      if (parent == null || !parent.succeeded()) {
        continue;
      }
      double gain = r.metrics().wnsPs() - parent.metrics().wnsPs();
      measured++;
      sum += gain;
      if (gain > 0) {
        improved++;
      } else if (gain < 0) {
        regressed++;
      }
      if (best == null || gain > best) {
        best = gain;
        bestCase = r.caseName();
      }
    }
    boolean quarantined = failed >= maxEcoFailures;
    int counted = succeeded + failed;
    Prior prior;
    if (quarantined || (counted >= MIN_TRIALS_FOR_PRIOR && failed * 2 >= counted)) {
      prior = Prior.SUSPICIOUS;
    } else if (counted < MIN_TRIALS_FOR_PRIOR) {
      prior = Prior.UNKNOWN;
    } else if (failed == 0 && improved * 2 >= succeeded) {
      prior = Prior.TRUSTED;
    } else {
      prior = Prior.MIXED;
    }
    String ecoClass = catalog.find(eco).map(d -> d.ecoClass().key()).orElse("unknown");
    return new EcoStanding(eco, ecoClass, trials.size(), succeeded, failed, improved, regressed,
        best, measured == 0 ? null : sum / measured, bestCase, prior,
        quarantined);
  }

  public List<EcoStanding> rows() {
    return rows;
  }

  /** ECOs that containment has taken out of the study. */
  public Set<String> quarantined() {
    Set<String> out = new TreeSet<>();
    for (EcoStanding s : rows) {
      if (s.quarantined()) {
        out.add(s.eco());
      }
    }
    return out;
  }

  /** The leaderboard as CSV with a header line. */
  public String toCsv() {
    StringBuilder b = new StringBuilder(
        "eco,eco_class,trials,succeeded,failed,improved,regressed,best_gain_ps,mean_gain_ps,"
            + "best_case,prior,quarantined\n");
    for (EcoStanding s : rows) {
      b.append(s.eco()).append(',').append(s.ecoClass()).append(',').append(s.trials())
          .append(',').append(s.succeeded()).append(',').append(s.failed()).append(',')
          .append(s.improved()).append(',').append(s.regressed()).append(',')
          .append(number(s.bestGainPs())).append(',').append(number(s.meanGainPs()))
          .append(',').append(s.bestCase() == null ? "" : s.bestCase()).append(',')
          .append(s.prior().key()).append(',').append(s.quarantined()).append('\n');
    }
    return b.toString();
  }

  private static String number(Double v) {
    return v == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", v);
  }
}
