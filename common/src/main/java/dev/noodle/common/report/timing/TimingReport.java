package dev.noodle.common.report.timing;

import dev.noodle.common.report.ParsedReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link TimingReportParser} read from {@code report_checks} output.
 *
 * <p>Counts cover every path block read; {@link #paths()} lists at most
 * {@link TimingReportParser#MAX_KEPT_PATHS} of them in report order. Blocks cut short (by the
 * end of the input or a new block) are left out and make the report partial. Worst slacks take
 * the printed slacks only: unconstrained paths have none and never count as violations.
 *
 * @param paths the complete path blocks, in report order (at most the kept maximum)
 * @param pathCount complete path blocks read, including unconstrained ones
 * @param noPathsFound how many times the report says {@code No paths found.}
 * @param unconstrainedPaths path blocks that print {@code (Path is unconstrained)}
 * @param setupViolatingPaths max path blocks tagged VIOLATED
 * @param holdViolatingPaths min path blocks tagged VIOLATED
 * @param setupWorstSlackPs the lowest slack of the max paths, or null when there is none or
 *     the time unit is unknown
 * @param holdWorstSlackPs the lowest slack of the min paths, or null likewise
 * @param timeUnit the unit the report's times were printed in, or null when unknown
 * @param partial true when only part of the report could be read
 * @param problems why values are missing or the report is partial
 * @param logLines tool messages between the blocks ({@code [WARNING ORD-0011] ...},
 *     {@code Warning 1551: ...}, {@code Error: ...}); they are passed over
 * @param warningLines those of them that are warnings
 * @param setupPathsTnsPs the sum of the negative slacks of the max path blocks read (each
 *     block once, so a path printed twice counts twice), 0 when none violates; this is not the
 *     design's TNS, which covers endpoints the report does not list
 * @param holdPathsTnsPs the same for the min path blocks
 * @param scalars the single values printed around the blocks (ORFS counts, clock period,
 *     clock skew, critical path)
 */
public record TimingReport(List<TimingPath> paths, int pathCount, int noPathsFound,
    int unconstrainedPaths, int setupViolatingPaths, int holdViolatingPaths,
    Double setupWorstSlackPs, Double holdWorstSlackPs, String timeUnit, boolean partial,
    List<String> problems, int logLines, int warningLines, Double setupPathsTnsPs,
    Double holdPathsTnsPs, TimingScalars scalars) implements ParsedReport {

  public TimingReport {
    paths = List.copyOf(paths);
    problems = List.copyOf(problems);
  }

  @Override
  public String kind() {
    return "timing";
  }

  /** True when the input held at least one path block or {@code No paths found.} line. */
  public boolean isTimingReport() {
    return pathCount > 0 || noPathsFound > 0 || hasScalars();
  }

  private boolean hasScalars() {
    return scalars != null && (scalars.setupViolationCount() != null
        || scalars.holdViolationCount() != null || scalars.periodMinPs() != null
        || scalars.fmaxMhz() != null || scalars.criticalPathDelayPs() != null
        || scalars.criticalPathSlackPs() != null || !scalars.clockSkews().isEmpty());
  }

  /**
   * {@code timing_paths}, {@code no_paths_found}, {@code unconstrained_paths},
   * {@code setup_violating_paths}, {@code hold_violating_paths}, {@code setup_worst_slack_ps},
   * {@code hold_worst_slack_ps}, {@code setup_paths_tns_ps}, {@code hold_paths_tns_ps},
   * {@code timing_log_lines}, {@code timing_warning_lines}, and the scalars when printed:
   * {@code setup_violation_count}, {@code hold_violation_count}, {@code clock_period_min_ps},
   * {@code fmax_mhz}, {@code critical_path_delay_ps}, {@code critical_path_slack_ps}, and from
   * the last {@code report_clock_skew} clock {@code clock_skew_ps},
   * {@code clock_skew_source_latency_ps}, {@code clock_skew_target_latency_ps},
   * {@code clock_skew_crpr_ps}; nothing when the input was not a timing report at all.
   */
  @Override
  public Map<String, Object> metrics() {
    Map<String, Object> metrics = new LinkedHashMap<>();
    if (!isTimingReport()) {
      return metrics;
    }
    metrics.put("timing_paths", pathCount);
    metrics.put("no_paths_found", noPathsFound);
    metrics.put("unconstrained_paths", unconstrainedPaths);
    metrics.put("setup_violating_paths", setupViolatingPaths);
    metrics.put("hold_violating_paths", holdViolatingPaths);
    if (setupWorstSlackPs != null) {
      metrics.put("setup_worst_slack_ps", setupWorstSlackPs);
    }
    if (holdWorstSlackPs != null) {
      metrics.put("hold_worst_slack_ps", holdWorstSlackPs);
    }
    if (setupWorstSlackPs != null) {
      put(metrics, "setup_paths_tns_ps", setupPathsTnsPs);
    }
    if (holdWorstSlackPs != null) {
      put(metrics, "hold_paths_tns_ps", holdPathsTnsPs);
    }
    metrics.put("timing_log_lines", logLines);
    metrics.put("timing_warning_lines", warningLines);
    if (scalars != null) {
      put(metrics, "setup_violation_count", scalars.setupViolationCount());
      put(metrics, "hold_violation_count", scalars.holdViolationCount());
      put(metrics, "clock_period_min_ps", scalars.periodMinPs());
      put(metrics, "fmax_mhz", scalars.fmaxMhz());
      put(metrics, "critical_path_delay_ps", scalars.criticalPathDelayPs());
      put(metrics, "critical_path_slack_ps", scalars.criticalPathSlackPs());
      if (!scalars.clockSkews().isEmpty()) {
        ClockSkew last = scalars.clockSkews().get(scalars.clockSkews().size() - 1);
        String prefix = last.check().equals("hold") ? "hold_clock_skew" : "clock_skew";
        put(metrics, prefix + "_ps", last.skewPs());
        put(metrics, prefix + "_source_latency_ps", last.sourceLatencyPs());
        put(metrics, prefix + "_target_latency_ps", last.targetLatencyPs());
        put(metrics, prefix + "_crpr_ps", last.crprPs());
      }
    }
    return metrics;
  }

  private static void put(Map<String, Object> metrics, String name, Object value) {
    if (value != null) {
      metrics.put(name, value);
    }
  }
}
