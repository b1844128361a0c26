package dev.noodle.common.report.timing;

import java.util.List;

/**
 * One path block of a {@code report_checks} report. Times are in picoseconds and are the values
 * the report printed, never recomputed: the slack is not required minus arrival.
 *
 * <p>A slack printed as zero takes its sign from the status: {@code -0.00 (VIOLATED)} and
 * {@code 0.00 (VIOLATED)} both give {@code -0.0}, {@code -0.00 (MET)} gives {@code +0.0}. Use
 * {@link #status()}, not the sign of the slack, to tell whether the path violates.
 *
 * @param group the path group ({@code Path Group:}), or null when the block names none
 * @param type min (hold) or max (setup), or null when the block names neither
 * @param startpoint the startpoint name
 * @param startpointDescription the text in parentheses after it, such as
 *     {@code input port clocked by clk}, or null
 * @param endpoint the endpoint name
 * @param endpointDescription the text in parentheses after it, or null
 * @param arrivalPs data arrival time, or null when not printed or the unit is unknown
 * @param requiredPs data required time, or null when not printed (unconstrained paths) or the
 *     unit is unknown
 * @param slackPs the printed slack, or null for an unconstrained path or an unknown unit
 * @param status MET, VIOLATED or UNCONSTRAINED
 * @param columns the table's column names as printed ({@code Fanout Cap Slew Delay Time
 *     Description} with {@code -fields}), empty when the block has no column header
 * @param netLines {@code (net)} lines, printed with {@code -fields net}
 * @param launchClock the launch clock side, or null when the block prints no clock line there
 * @param captureClock the capture clock side, or null likewise
 */
public record TimingPath(String group, PathType type, String startpoint,
    String startpointDescription, String endpoint, String endpointDescription, Double arrivalPs,
    Double requiredPs, Double slackPs, SlackStatus status, List<String> columns, int netLines,
    PathClock launchClock, PathClock captureClock) {

  public TimingPath {
    columns = List.copyOf(columns);
  }

  /** True for a max path tagged VIOLATED. */
  public boolean violatesSetup() {
    return type == PathType.MAX && status == SlackStatus.VIOLATED;
  }

  /** True for a min path tagged VIOLATED. */
  public boolean violatesHold() {
    return type == PathType.MIN && status == SlackStatus.VIOLATED;
  }
}
