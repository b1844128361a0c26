package dev.noodle.common.report.timing;

import java.util.List;

/**
 * Single values an ORFS finish report prints between its path blocks, times in picoseconds.
 * Each is the last one printed, or null when the report never printed it.
 *
 * @param setupViolationCount {@code setup violation count N}
 * @param holdViolationCount {@code hold violation count N}
 * @param periodClock the clock of the {@code report_clock_min_period} line
 * @param periodMinPs {@code period_min} of that line
 * @param fmaxMhz {@code fmax} of that line, in MHz as OpenROAD prints it
 * @param criticalPathDelayPs the ORFS {@code critical path delay} section
 * @param criticalPathSlackPs the ORFS {@code critical path slack} section
 * @param clockSkews every {@code report_clock_skew} clock, in report order (at most 100)
 */
public record TimingScalars(Long setupViolationCount, Long holdViolationCount,
    String periodClock, Double periodMinPs, Double fmaxMhz, Double criticalPathDelayPs,
    Double criticalPathSlackPs, List<ClockSkew> clockSkews) {
  public TimingScalars {
    clockSkews = List.copyOf(clockSkews);
  }
}
