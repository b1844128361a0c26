package dev.noodle.common.report.drv;

import java.util.List;

/**
 * One check section of a {@code report_check_types} report: a heading such as
 * {@code max slew} followed by a table or by verbose blocks.
 *
 * @param check {@code max_slew}, {@code max_capacitance}, {@code max_fanout}, or a
 *     {@code min_} one; older OpenSTA's {@code max_transition} reads as {@code max_slew}
 * @param line one-based line of the heading
 * @param verbose true when the pins were printed as verbose blocks
 * @param rows the rows kept (all of them unless {@link #rowsCut()})
 * @param rowCount all rows seen
 * @param violators rows tagged {@code (VIOLATED)}
 * @param worstSlack the least slack printed, in the report's unit, or null when no rows
 * @param rowsCut true when rows were seen but not kept, to bound memory
 */
public record DrvSection(String check, long line, boolean verbose, List<DrvRow> rows,
    int rowCount, int violators, Double worstSlack, boolean rowsCut) {
  public DrvSection {
    rows = List.copyOf(rows);
  }
}
