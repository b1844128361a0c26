package dev.noodle.common.report.timing;

/**
 * One clock side of a path block: the launch clock (above {@code data arrival time}) or the
 * capture clock (above {@code data required time}). Times are in picoseconds, as printed.
 *
 * @param clock the clock name from {@code clock clk (rise edge)}, or null when not printed
 * @param edge {@code rise} or {@code fall}, or null when not printed
 * @param edgePs the time of that edge line, such as 5.00 ns for the capture edge of a 5 ns clock
 * @param network {@code ideal} for {@code clock network delay (ideal)}; {@code propagated} for
 *     {@code clock network delay (propagated)} and for {@code clock source latency}, which the
 *     expanded format prints before the clock tree; null when neither line is printed
 * @param networkLine the clock line as printed without its numbers, such as
 *     {@code clock source latency}, or null
 * @param pinArrivalPs when the clock reaches the register's clock pin (the first row of the
 *     startpoint, or of the endpoint, followed by {@code /}), or null when there is no such row
 * @param treeLines rows between the clock port and that clock pin (clock buffers and wires), or
 *     null when there is no clock pin row
 */
public record PathClock(String clock, String edge, Double edgePs, String network,
    String networkLine, Double pinArrivalPs, Integer treeLines) {}
