package dev.noodle.common.report.drv;

import dev.noodle.common.report.ParseOptions;
import dev.noodle.common.report.internal.TerminatedLines;
import java.io.IOException;
import java.io.Reader;
import java.util.regex.Pattern;

/**
 * Reads {@code report_check_types} output for max slew, max capacitance and max fanout, in
 * any order, with or without {@code -violators} and {@code -verbose}, alone or inside a log or
 * an ORFS report; also older OpenSTA's {@code max_transition} / {@code Trans} form and the ORFS
 * lines {@code max slew violation count N} and {@code max_fanout_check_slack}; min pulse width
 * tables ({@code Required Actual / Pin Width Width Slack}) and the {@code Group Slack} table
 * of a combined {@code -violators} run. A report whose last line has no line end was cut and
 * comes back partial.
 *
 * <p>Whether a pin violates is decided by its printed tag, so {@code -0.00 (VIOLATED)} counts.
 * Lines that only look alike (the repair table, "Found 1 slew violations.") are not read.
 * Memory is bounded: at most {@link #MAX_ROWS} rows and {@link #MAX_SECTIONS} sections are
 * kept; counts stay exact beyond that and the report is marked partial. Never throws for bad
 * content, only for a failing reader. Thread-safe (stateless).
 */
public final class DrvReportParser {
  /** Most sections kept in {@link DrvReport#sections()}. */
  public static final int MAX_SECTIONS = 1000;
  /** Most rows kept over all sections. */
  public static final int MAX_ROWS = 10_000;

  private static final Pattern HEAD = Pattern.compile(
      "^\\s*Pin\\s+Limit\\s+(?:Slew|Trans|Cap|Capacitance|Fanout)\\s+Slack\\s*$"
          + "|^\\s*(?:max|min)[ _](?:slew|transition|capacitance|fanout)\\s*\\R\\s*\\R"
          + "(?:Pin\\s|\\s*Pin\\s+Limit)"
          + "|^\\s*max (?:slew|fanout|cap) violation count \\d+\\s*$",
      Pattern.MULTILINE);

  private DrvReportParser() {}

  /** Parses a report; {@code options} gives the time unit of slews and the character limit. */
  public static DrvReport parse(Reader reader, ParseOptions options) throws IOException {
    // A last line without a line end is held back: cut, a row may still read as a row.
    TerminatedLines lines = new TerminatedLines(reader, options.maxChars());
    DrvScan scan = new DrvScan(options.timeUnit());
    String line;
    while ((line = lines.next()) != null) {
      scan.accept(line, lines.lineNumber());
    }
    return scan.finish(lines);
  }

  /** True when the start of a file holds {@code report_check_types} limit-check output. */
  public static boolean looksLike(String head) {
    return HEAD.matcher(head).find();
  }
}
