package dev.noodle.common.report.drv;

/**
 * One pin of a {@code report_check_types} limit check, as printed, in the report's own units.
 *
 * @param limit the limit, or null when it was not printed
 * @param value the slew, capacitance or fanout at the pin
 * @param slack limit minus value, as printed; {@code -0.00} stays -0.0
 * @param violated the printed tag: true for {@code (VIOLATED)}, false for {@code (MET)}
 * @param line one-based line of the row (of the Slack line in a verbose block)
 */
public record DrvRow(String pin, Double limit, Double value, double slack, boolean violated,
    long line) {}
