package dev.noodle.common.report.timing;

import dev.noodle.common.report.BoundedLineReader;
import dev.noodle.common.report.ParseOptions;
import dev.noodle.common.report.internal.TerminatedLines;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads OpenSTA / OpenROAD {@code report_checks} output: min and max paths in any number of
 * path groups, with or without {@code -fields} columns and {@code (net)} lines, in the
 * {@code full} and {@code full_clock_expanded} formats, with ideal or propagated clocks,
 * unconstrained paths and {@code No paths found.} results. Log lines, banners, other reports
 * and ORFS section headers around the blocks are passed over.
 *
 * <p>Times are kept in picoseconds. The unit comes from {@link ParseOptions#timeUnit()}, else
 * from the report ({@code noodle_units time=1ns ...} or {@code report_units} output such as
 * {@code " time 1ns"}); when neither says, or they disagree, the result keeps no times and
 * says {@code time unit unknown}. Printed values are taken as printed, never recomputed.
 *
 * <p>Each path also gets its column header, its {@code (net)} lines and both clock sides (edge,
 * ideal or propagated network, clock pin arrival, clock tree rows). Around the blocks it reads
 * {@code report_clock_min_period}, {@code report_clock_skew} and the ORFS violation-count and
 * critical-path sections. A last line without a line end, or an ORFS section header with
 * nothing after it, means the report was cut: the result is then partial.
 *
 * <p>Stateless and thread-safe. Reads through {@link BoundedLineReader}, so memory stays
 * bounded whatever the input; throws only the reader's {@link IOException}.
 */
public final class TimingReportParser {
  /** Most path blocks listed in detail; counts and worst slacks cover all of them. */
  public static final int MAX_KEPT_PATHS = 10_000;

  private static final Pattern HEAD_START = Pattern.compile("(?m)^\\s*Startpoint:\\s*\\S");
  private static final Pattern HEAD_END = Pattern.compile("(?m)^\\s*Endpoint:\\s*\\S");
  private static final Pattern HEAD_NO_PATHS = Pattern.compile("(?m)^\\s*No paths found\\.\\s*$");
  private static final Pattern LOG_LINE = Pattern.compile(
      "^\\s*\\[(?:INFO|WARNING|ERROR|CRITICAL)\\b|^\\s*(?:Warning|Error)(?:\\s+\\d+)?:");
  private static final Pattern WARNING_LINE = Pattern.compile(
      "^\\s*\\[WARNING\\b|^\\s*Warning(?:\\s+\\d+)?:");
  private static final Pattern SECTION_RULE = Pattern.compile("^\\s*={5,}\\s*$");
  private static final Pattern DASH_RULE = Pattern.compile("^\\s*-{5,}\\s*$");

  private TimingReportParser() {}

  /** True when {@code head} (the start of a file) holds a path block or "No paths found.". */
  public static boolean looksLike(String head) {
    if (head == null) {
      return false;
    }
    return HEAD_START.matcher(head).find() && HEAD_END.matcher(head).find()
        || HEAD_NO_PATHS.matcher(head).find();
  }

  /**
   * Reads a report. Never throws for bad content: what cannot be read is left out and named in
   * {@link TimingReport#problems()}.
   *
   * @param options the time unit if the caller knows it, and the most characters to read;
   *     null for {@link ParseOptions#defaults()}
   */
  public static TimingReport parse(Reader report, ParseOptions options) throws IOException {
    ParseOptions opts = options == null ? ParseOptions.defaults() : options;
    long maxChars = opts.maxChars() > 0 ? opts.maxChars() : BoundedLineReader.MAX_CHARS;
    TerminatedLines in = new TerminatedLines(report, maxChars);
    UnitEvidence units = new UnitEvidence(opts.timeUnit());
    PathCollector collector = new PathCollector(MAX_KEPT_PATHS);
    Counts counts = new Counts();

    String line;
    while ((line = in.next()) != null) {
      if (in.lastLineClipped()) {
        // Part of the line is gone, so nothing on it can be trusted, nor the block it is in.
        counts.clipped++;
        collector.abandon("line " + in.lineNumber() + ", which is too long to read");
      } else if (!units.offer(line)) {
        collector.accept(line, in.lineNumber());
        counts.accept(line, in.lineNumber());
      }
    }
    collector.abandon("the end of the input");

    return result(collector, units, in, counts);
  }

  private static TimingReport result(PathCollector collector, UnitEvidence units,
      TerminatedLines in, Counts counts) {
    List<String> problems = new ArrayList<>();
    boolean partial = collector.partial();
    if (in.truncated()) {
      partial = true;
      problems.add("reading stopped after " + in.charsRead() + " characters (the limit);"
          + " the rest of the report was not read");
    }
    if (in.sawControlCharacters()) {
      problems.add("the input holds NUL or other control characters: it may not be a text"
          + " report");
    }
    if (in.droppedUnterminatedLine()) {
      partial = true;
      problems.add("the last line has no line end, so the report was cut there; that line"
          + " was not read");
    }
    if (counts.headerLine > 0) {
      partial = true;
      problems.add("the report ends inside the section header at line " + counts.headerLine
          + "; the section's contents are missing");
    }
    if (counts.clipped > 0) {
      problems.add(counts.clipped + " lines longer than " + BoundedLineReader.MAX_LINE
          + " characters were skipped");
    }
    problems.addAll(collector.problems());
    boolean timing = collector.pathCount > 0 || collector.noPathsFound > 0
        || !counts.scalars.isEmpty();
    if (!timing) {
      problems.add("no path block (Startpoint: ... slack) and no 'No paths found.' line:"
          + " this is not report_checks output");
    }

    Double scale = units.scale();
    if (scale == null && (collector.pathCount > 0 || !counts.scalars.isEmpty())) {
      problems.add(units.problem());
    }
    if (collector.pathCount > MAX_KEPT_PATHS) {
      problems.add("the report has " + collector.pathCount + " path blocks; only the first "
          + MAX_KEPT_PATHS + " are listed, the counts and worst slacks cover all");
    }
    List<TimingPath> paths = new ArrayList<>(collector.kept().size());
    for (PathBlock block : collector.kept()) {
      paths.add(block.toPath(scale));
    }
    return new TimingReport(paths, collector.pathCount, collector.noPathsFound,
        collector.unconstrained, collector.setupViolating, collector.holdViolating,
        ps(collector.setupWorst, scale), ps(collector.holdWorst, scale), units.unit(), partial,
        problems, counts.logLines, counts.warningLines, ps(collector.setupNegativeSum, scale),
        ps(collector.holdNegativeSum, scale), counts.scalars.result(scale));
  }

  private static Double ps(Double value, Double scale) {
    return value == null || scale == null ? null : TimeText.picoseconds(value, scale);
  }

  /** Tallies of the lines outside path blocks. */
  private static final class Counts {
    final ScalarScan scalars = new ScalarScan();
    long clipped;
    int logLines;
    int warningLines;
    long headerLine;

    void accept(String line, long number) {
      scalars.accept(line);
      if (LOG_LINE.matcher(line).find()) {
        logLines++;
        if (WARNING_LINE.matcher(line).find()) {
          warningLines++;
        }
      }
      // An ORFS section header is a line of '=', the command, then a line of '-'.
      if (SECTION_RULE.matcher(line).matches()) {
        headerLine = number;
      } else if (headerLine > 0 && (DASH_RULE.matcher(line).matches()
          || number > headerLine + 2)) {
        headerLine = 0;
      }
    }
  }
}
