package dev.noodle.common.report.timing;

/**
 * One clock of {@code report_clock_skew} output, times in picoseconds as printed.
 *
 * @param clock the clock name from the {@code Clock clk} line
 * @param check {@code setup} or {@code hold}, from the closing {@code setup skew} line
 * @param sourceLatencyPs the {@code source latency} value
 * @param sourcePin the pin named on that line, with its transition mark
 * @param targetLatencyPs the {@code target latency} value, negative as printed
 * @param targetPin the pin named on that line
 * @param crprPs clock reconvergence pessimism removal
 * @param skewPs the skew
 */
public record ClockSkew(String clock, String check, Double sourceLatencyPs, String sourcePin,
    Double targetLatencyPs, String targetPin, Double crprPs, Double skewPs) {}
