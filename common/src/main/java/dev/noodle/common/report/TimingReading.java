package dev.noodle.common.report;

import dev.noodle.common.trial.Metrics;

/**
 * What the timing parser read from a report.
 *
 * @param metrics the metrics, or null when the report lacks what a trial needs
 * @param missing true when the expected report lines are absent altogether
 * @param problem why the metrics are null, or null when they are present
 */
public record TimingReading(Metrics metrics, boolean missing, String problem) {
  static TimingReading ok(Metrics metrics) {
    return new TimingReading(metrics, false, null);
  }

  static TimingReading missing(String problem) {
    return new TimingReading(null, true, problem);
  }

  static TimingReading unreadable(String problem) {
    return new TimingReading(null, false, problem);
  }
}
