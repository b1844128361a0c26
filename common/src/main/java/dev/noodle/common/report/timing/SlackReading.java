package dev.noodle.common.report.timing;

/**
 * One {@code wns}, {@code tns} or {@code worst slack} line as the report printed it.
 *
 * @param metric the metric the line gives: {@code wns_ps}, {@code tns_ps},
 *     {@code worst_slack_ps}, or the same with a {@code hold_} prefix for the {@code min} forms
 * @param valuePs the value in picoseconds; null when the unit is unknown or the line holds no
 *     usable number ({@code INF}, the {@code 1e30} "no path" sentinel, garbage)
 * @param printed the value as printed
 * @param line the one-based line number
 */
public record SlackReading(String metric, Double valuePs, String printed, long line) {}
