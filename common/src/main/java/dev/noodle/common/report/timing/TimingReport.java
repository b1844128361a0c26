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
 */
public record TimingReport(List<TimingPath> paths, int pathCount, int noPathsFound,
    int unconstrainedPaths, int setupViolatingPaths, int holdViolatingPaths,
    Double setupWorstSlackPs, Double holdWorstSlackPs, String timeUnit, boolean partial,
    List<String> problems) implements ParsedReport {

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
    return pathCount > 0 || noPathsFound > 0;
  }

  /**
   * {@code timing_paths}, {@code no_paths_found}, {@code unconstrained_paths},
   * {@code setup_violating_paths}, {@code hold_violating_paths}, {@code setup_worst_slack_ps},
   * {@code hold_worst_slack_ps}; nothing when the input was not a timing report at all.
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
    return metrics;
  }
}
