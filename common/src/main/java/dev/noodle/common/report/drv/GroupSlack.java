package dev.noodle.common.report.drv;

/**
 * One row of the {@code Group Slack} table that {@code report_check_types -violators} prints
 * first when run without a check flag.
 *
 * @param group the path group (usually the clock)
 * @param slack the slack as printed, in the report's time unit
 * @param line one-based line of the row
 */
public record GroupSlack(String group, double slack, long line) {}
