package dev.noodle.common.report.log;

import dev.noodle.common.report.BoundedLineReader;
import dev.noodle.common.report.ParseOptions;
import dev.noodle.common.report.internal.LineEndReader;
import java.io.IOException;
import java.io.Reader;
import java.util.regex.Pattern;

/**
 * Reads a tool log: OpenROAD's {@code [ERROR GRT-0116] ...} / {@code [WARNING ...]} /
 * {@code [INFO ...]}, OpenSTA's {@code Error: file, line msg} / {@code Warning 1551: ...} /
 * {@code Warning: ...}, Yosys {@code ERROR: ...}, crashes ({@code Signal 11 received},
 * {@code Stack trace:} with numbered frames, {@code Segmentation fault}) and GNU time's
 * {@code Command exited with non-zero status N}.
 *
 * <p>It also names the message that ended the run: the crash when there is one, else the
 * first error of the errors the log ends with (only echoes of those errors, exit and timing
 * lines may follow). Errors followed by more work were caught and did not end the run. A log
 * read only in part (character limit) has no ending, since its end was not seen.
 *
 * <p>Separate from {@link dev.noodle.common.report.LogScanner}, which the trial failure
 * classifier uses and whose behaviour stays as it is. Never throws for bad content, only for
 * a failing reader. Thread-safe (stateless).
 */
public final class ToolLogParser {
  /** Most error messages kept in {@link ToolLog#firstErrors()}. */
  public static final int MAX_KEPT = 50;

  private static final Pattern HEAD = Pattern.compile(
      "^\\s*\\[(?:ERROR|WARNING|INFO) [A-Za-z][A-Za-z0-9_]*-\\d+\\]"
          + "|^OpenROAD v?\\d|^\\s*/-+\\\\\\s*$|^ \\|\\s+yosys"
          + "|^(?:Error|Warning)(?: \\d+)?: |^ERROR: |^Signal \\d+ received",
      Pattern.MULTILINE);

  private ToolLogParser() {}

  /** Parses a log; {@code options} gives the character limit. */
  public static ToolLog parse(Reader reader, ParseOptions options) throws IOException {
    LineEndReader ends = new LineEndReader(reader);
    BoundedLineReader lines = new BoundedLineReader(ends, BoundedLineReader.MAX_LINE,
        options.maxChars());
    LogTally tally = new LogTally();
    // One line behind, so that a last line without a line end can be left out: cut short,
    // "Error: f.tcl, 1 DPL-0012" stops being an echo and "status 12" reads as "status 1".
    String held = null;
    String line;
    while ((line = lines.next()) != null) {
      if (held != null) {
        tally.add(held, lines.lineNumber() - 1);
      }
      held = line;
    }
    if (held != null && (lines.truncated() || !ends.endsWithoutLineEnd())) {
      tally.add(held, lines.lineNumber());
    } else if (held != null) {
      tally.partial = true;
      tally.problems.add("The last line has no line end and may be cut; it was not read");
    }
    return finish(tally, lines);
  }

  /** True when the start of a file looks like an OpenROAD, OpenSTA or Yosys log. */
  public static boolean looksLike(String head) {
    return HEAD.matcher(head).find();
  }

  private static ToolLog finish(LogTally tally, BoundedLineReader lines) {
    boolean partial = tally.partial;
    Crash crash = tally.crash();
    LogMessage ending = crash != null
        ? new LogMessage(crash.line(), Severity.CRASH, null, crash.text())
        : tally.candidate;
    if (lines.truncated()) {
      partial = true;
      ending = null;
      tally.problems.add("Reading stopped at " + lines.charsRead()
          + " characters; how the run ended is unknown");
    }
    if (lines.sawControlCharacters()) {
      tally.problems.add("The input holds control characters; it may not be a text log");
    }
    return new ToolLog(partial, tally.problems, tally.errors, tally.warnings, tally.infos,
        tally.byId, tally.firstErrors, ending, crash, tally.exitStatus, tally.peakMemoryKb,
        tally.elapsed, tally.echoes, tally.echoCount, tally.tests, tally.lastTest,
        tally.testAtCrash, tally.route.result(), tally.verilogInstances);
  }
}
