package dev.noodle.common.report.power;

/**
 * One row of the {@code report_power} table, as printed.
 *
 * @param name the group ({@code Sequential}, {@code Combinational}, {@code Clock},
 *     {@code Macro}, {@code Pad}) or {@code Total}
 * @param percent the group's share of the total power, in percent
 */
public record PowerGroup(String name, double internalW, double switchingW, double leakageW,
    double totalW, double percent) {}
