package dev.noodle.common.report.timing;

import dev.noodle.common.report.ParsedReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link SlackSummaryParser} read: the last value of each of {@code report_wns},
 * {@code report_tns} and {@code report_worst_slack}, for max (setup) and min (hold), in
 * picoseconds. A value is null when the report never printed it, when its unit is unknown, or
 * when its last printing could not be read: an earlier printing never stands in for it.
 *
 * @param wnsPs last {@code wns} / {@code wns max}
 * @param tnsPs last {@code tns} / {@code tns max}
 * @param worstSlackPs last {@code worst slack} / {@code worst slack max}
 * @param holdWnsPs last {@code wns min}
 * @param holdTnsPs last {@code tns min}
 * @param holdWorstSlackPs last {@code worst slack min}
 * @param history the readings in report order (at most the last
 *     {@link SlackSummaryParser#MAX_HISTORY}), for before/after comparisons
 * @param readings how many readings the report held in all
 * @param timeUnit the unit the values were printed in, or null when unknown
 * @param partial true when only part of the report could be read
 * @param problems why values are missing or the result is partial
 */
public record SlackSummary(Double wnsPs, Double tnsPs, Double worstSlackPs, Double holdWnsPs,
    Double holdTnsPs, Double holdWorstSlackPs, List<SlackReading> history, long readings,
    String timeUnit, boolean partial, List<String> problems) implements ParsedReport {

  public SlackSummary {
    history = List.copyOf(history);
    problems = List.copyOf(problems);
  }

  @Override
  public String kind() {
    return "wns_tns";
  }

  /**
   * {@code wns_ps}, {@code tns_ps}, {@code worst_slack_ps}, {@code hold_wns_ps},
   * {@code hold_tns_ps}, {@code hold_worst_slack_ps}; absent values are left out.
   */
  @Override
  public Map<String, Object> metrics() {
    Map<String, Object> metrics = new LinkedHashMap<>();
    put(metrics, "wns_ps", wnsPs);
    put(metrics, "tns_ps", tnsPs);
    put(metrics, "worst_slack_ps", worstSlackPs);
    put(metrics, "hold_wns_ps", holdWnsPs);
    put(metrics, "hold_tns_ps", holdTnsPs);
    put(metrics, "hold_worst_slack_ps", holdWorstSlackPs);
    return metrics;
  }

  private static void put(Map<String, Object> metrics, String name, Double value) {
    if (value != null) {
      metrics.put(name, value);
    }
  }
}
